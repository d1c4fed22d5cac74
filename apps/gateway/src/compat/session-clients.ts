import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { ApiClientRepository } from '../api-client/api-client.repository';
import type { ClientChangeListener } from '../client-changes/client-change-listeners';
import { ClientChanges } from '../client-changes/client-changes';
import type { RateLimitOverrides } from '../rate-limit/rate-limit-rules';

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface SessionClient {
  identity: CallerIdentity;
  rateLimits?: RateLimitOverrides;
}

/**
 * The current identity of a session's client (agencies, roles, active), read again at most every 30 s: a session
 * outlives changes to its client: a change on any replica drops the entry at once (ClientChanges), and while
 * Redis is down a disabled client's sessions stop within that window.
 */
@Injectable()
export class SessionClients implements ClientChangeListener {
  private readonly entries = new Map<string, { client: SessionClient | null; until: number }>();

  constructor(
    private readonly clients: ApiClientRepository,
    changes: ClientChanges,
  ) {
    changes.register(this);
  }

  forgetClient(clientId: string): void {
    this.entries.delete(clientId);
  }

  forgetAll(): void {
    this.entries.clear();
  }

  async find(clientId: string, now = Date.now()): Promise<SessionClient | null> {
    const cached = this.entries.get(clientId);
    if (cached && cached.until > now) return cached.client;
    const row = await this.clients.findById(clientId);
    const client = row && row.active ? { identity: { clientId: row.clientId, kind: row.kind, agencyCodes: row.agencyCodes, roles: row.roles }, rateLimits: row.rateLimits ?? undefined } : null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(clientId, { client, until: now + TTL_MS });
    return client;
  }
}
