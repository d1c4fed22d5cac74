import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * API key → identity of recent successful authentications, so the hot path does not query the database per
 * request. A change made through this gateway (new key, new roles) forgets the client's entries at once;
 * other gateway replicas see it within TTL_MS.
 */
@Injectable()
export class AuthenticatedKeyCache {
  private readonly entries = new Map<string, { identity: CallerIdentity; expires: number }>();

  get(apiKey: string, now = Date.now()): CallerIdentity | undefined {
    const entry = this.entries.get(apiKey);
    return entry && entry.expires > now ? entry.identity : undefined;
  }

  set(apiKey: string, identity: CallerIdentity, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(apiKey, { identity, expires: now + TTL_MS });
  }

  forgetClient(clientId: string): void {
    for (const [key, entry] of this.entries) if (entry.identity.clientId === clientId) this.entries.delete(key);
  }
}
