import type { Grant, RateLimitDecision, RateLimitPolicy } from './rate-limit-rules';
import { leaseOf, leaseSize, noDemand, noteDemand, takeFromLease, type Demand, type Lease } from './token-lease';

/** Takes up to `want` tokens of the shared bucket `key` (one Redis round trip); rejects when the store cannot answer. */
export type TakeShared = (key: string, policy: RateLimitPolicy, want: number) => Promise<Grant>;
/** Decides one request without the shared store (the per-replica fallback). */
export type DecideLocally = (key: string, policy: RateLimitPolicy) => RateLimitDecision;

export interface LeasedBucketsOptions {
  takeShared: TakeShared;
  /** Every request waiting on a failed store call is decided here instead. */
  fallback: DecideLocally;
  /** Called once per failed store call, with its error. */
  onStoreFailure: (error: Error) => void;
  /** Keys tracked at most: beyond, the oldest tracked key is forgotten (its lease lapses early). */
  maxKeys: number;
  now?: () => number;
}

interface KeyState {
  lease: Lease | undefined;
  demand: Demand;
  /** Requests waiting for the store call in flight (at most one per key at a time). */
  waiting: Array<(decision: RateLimitDecision) => void>;
  asking: boolean;
}

/** Where a decision came from: a lease this replica held, a store call made for it, or the per-replica fallback. */
export type DecisionSource = 'lease' | 'store' | 'local';

/**
 * Shared token buckets reached through leases (`token-lease.ts`): a request takes a token this replica already holds
 * for its key; otherwise it waits for the key's one store call in flight, which asks for as many tokens as the
 * key's demand needs. The requests that queued meanwhile share that call's grant, in arrival order; if the bucket
 * ran dry, the rest are refused with the grant's retry time, and the refusal holds locally until then.
 */
export class LeasedBuckets {
  private readonly keys = new Map<string, KeyState>();
  private readonly now: () => number;

  constructor(
    private readonly options: LeasedBucketsOptions,
    private readonly onDecision: (source: DecisionSource) => void = () => undefined,
  ) {
    this.now = options.now ?? Date.now;
  }

  decide(key: string, policy: RateLimitPolicy): RateLimitDecision | Promise<RateLimitDecision> {
    const now = this.now();
    const state = this.stateOf(key, now);
    state.demand = noteDemand(state.demand, now);
    if (!state.asking) {
      const taken = takeFromLease(state.lease, now);
      if (taken) {
        state.lease = taken.lease;
        this.onDecision('lease');
        return taken.decision;
      }
    }
    return new Promise((resolve) => {
      state.waiting.push(resolve);
      if (!state.asking) void this.ask(key, state, policy);
    });
  }

  /** Asks the store until every waiting request is decided: one call per lease. */
  private async ask(key: string, state: KeyState, policy: RateLimitPolicy): Promise<void> {
    state.asking = true;
    try {
      while (state.waiting.length > 0) {
        const want = leaseSize(state.demand, this.now(), policy, state.waiting.length);
        let grant: Grant;
        try {
          grant = await this.options.takeShared(key, policy, want);
        } catch (error) {
          state.lease = undefined;
          this.options.onStoreFailure(error as Error);
          for (const resolve of state.waiting.splice(0)) {
            this.onDecision('local');
            resolve(this.options.fallback(key, policy));
          }
          return;
        }
        state.lease = leaseOf(grant, this.now());
        this.serveWaiting(state);
      }
    } finally {
      state.asking = false;
    }
  }

  /** Hands the lease to the waiting requests in order, until they are all decided or it is used up. */
  private serveWaiting(state: KeyState): void {
    while (state.waiting.length > 0) {
      const taken = takeFromLease(state.lease, this.now());
      if (!taken) return;
      state.lease = taken.lease;
      this.onDecision('store');
      state.waiting.shift()!(taken.decision);
    }
  }

  private stateOf(key: string, now: number): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      // Forgets the least recently added key rather than all, so a flood of new subjects cannot reset everyone's
      // leases; a forgotten key's call in flight still decides its own waiting requests.
      if (this.keys.size >= this.options.maxKeys) this.keys.delete(this.keys.keys().next().value!);
      state = { lease: undefined, demand: noDemand(now), waiting: [], asking: false };
      this.keys.set(key, state);
    }
    return state;
  }

  /** Keys tracked now (for tests and metrics). */
  get size(): number {
    return this.keys.size;
  }
}
