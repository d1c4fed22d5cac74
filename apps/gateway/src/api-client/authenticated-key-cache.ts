import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import type { ClientChangeListener } from '../client-changes/client-change-listeners';
import { ClientChanges } from '../client-changes/client-changes';
import type { RateLimitOverrides } from '../rate-limit/rate-limit-rules';

/** Who a credential belongs to, and what the gateway itself needs to know about that client. */
export interface AuthenticatedClient {
  identity: CallerIdentity;
  rateLimits?: RateLimitOverrides;
}

/** `API_KEY_CACHE_TTL_MS`: how long an authenticated key is trusted without asking the database (30 s by default). */
export const KEY_CACHE_TTL_MS = Symbol('KEY_CACHE_TTL_MS');
const MAX_ENTRIES = 10_000;

/**
 * API key → identity of recent successful authentications, so the hot path does not query the database per
 * request. A client change (key rotated or revoked, disabled, new roles) made on any replica forgets the client's
 * entries on every replica at once (ClientChanges); while Redis is unreachable, other replicas see it within the TTL.
 */
@Injectable()
export class AuthenticatedKeyCache implements ClientChangeListener {
  private readonly entries = new Map<string, { client: AuthenticatedClient; expires: number }>();

  constructor(@Optional() @Inject(KEY_CACHE_TTL_MS) private readonly ttlMs: number = 30_000, changes?: ClientChanges) {
    changes?.register(this);
  }

  get(apiKey: string, now = Date.now()): AuthenticatedClient | undefined {
    const entry = this.entries.get(apiKey);
    return entry && entry.expires > now ? entry.client : undefined;
  }

  /** `validUntil`: when the key itself stops (client expiry, end of a rotation's grace period); the entry never outlives it. */
  set(apiKey: string, client: AuthenticatedClient, now = Date.now(), validUntil = Infinity): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(apiKey, { client, expires: Math.min(now + this.ttlMs, validUntil) });
  }

  forgetClient(clientId: string): void {
    for (const [key, entry] of this.entries) if (entry.client.identity.clientId === clientId) this.entries.delete(key);
  }

  forgetAll(): void {
    this.entries.clear();
  }
}
