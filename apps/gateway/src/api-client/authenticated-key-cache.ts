import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import type { RateLimitOverrides } from '../rate-limit/rate-limit-rules';

/** Who a credential belongs to, and what the gateway itself needs to know about that client. */
export interface AuthenticatedClient {
  identity: CallerIdentity;
  rateLimits?: RateLimitOverrides;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * API key → identity of recent successful authentications, so the hot path does not query the database per
 * request. A change made through this gateway (new key, new roles) forgets the client's entries at once;
 * other gateway replicas see it within TTL_MS.
 */
@Injectable()
export class AuthenticatedKeyCache {
  private readonly entries = new Map<string, { client: AuthenticatedClient; expires: number }>();

  get(apiKey: string, now = Date.now()): AuthenticatedClient | undefined {
    const entry = this.entries.get(apiKey);
    return entry && entry.expires > now ? entry.client : undefined;
  }

  /** `validUntil`: when the key itself stops (client expiry, end of a rotation's grace period); the entry never outlives it. */
  set(apiKey: string, client: AuthenticatedClient, now = Date.now(), validUntil = Infinity): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(apiKey, { client, expires: Math.min(now + TTL_MS, validUntil) });
  }

  forgetClient(clientId: string): void {
    for (const [key, entry] of this.entries) if (entry.client.identity.clientId === clientId) this.entries.delete(key);
  }
}
