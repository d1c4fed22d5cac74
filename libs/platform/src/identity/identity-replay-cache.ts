import { problem } from '../errors/problems';

export const DEFAULT_REPLAY_CACHE_ENTRIES = 200_000;

/**
 * The identity ids (`jti`) a service has accepted, each kept until its identity expires. Identities of one gateway
 * are issued with the same lifetime, so insertion order is (nearly) expiry order and pruning walks from the front.
 * Per replica: a header replayed at another replica of the same service within its few seconds of life is not
 * caught here (it is still bound to the same service, method and path).
 */
export class IdentityReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries: number = DEFAULT_REPLAY_CACHE_ENTRIES) {}

  /** Records `jti` until `expiresAt`; false if it was already seen. */
  remember(jti: string, expiresAt: number, now: number): boolean {
    this.prune(now);
    if (this.seen.has(jti)) return false;
    if (this.seen.size >= this.maxEntries) {
      // Evicting a live id would let it be replayed: refuse instead (callers retry through the gateway).
      throw problem(503, 'IDENTITY_REPLAY_CACHE_FULL', { detail: 'Too many requests in flight to check identities; retry shortly.' });
    }
    this.seen.set(jti, expiresAt);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    for (const [jti, expiresAt] of this.seen) {
      if (expiresAt >= now) break;
      this.seen.delete(jti);
    }
  }
}
