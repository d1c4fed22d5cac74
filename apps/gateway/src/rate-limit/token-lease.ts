import type { Grant, RateLimitDecision, RateLimitPolicy } from './rate-limit-rules';

/**
 * Token leases: a replica takes several tokens of a shared bucket in one Redis round trip and hands them out to the
 * requests that follow, instead of one round trip per request. Pure rules; `LeasedBuckets` applies them.
 *
 * - A lease never holds more tokens than the bucket had: the shared bucket is debited first, so every replica
 *   together never admits more than the limit. A replica may refuse a little early while another holds tokens it
 *   has not used yet: at most what a lease holds, which is bounded below.
 * - Its size follows the key's demand on this replica: what `LEASE_HORIZON_MS` of its recent rate needs, at least
 *   the requests already waiting for it, at most `LEASE_MAX_TOKENS` and `1 / LEASE_MAX_SHARE` of the limit. A key
 *   with a small limit, or a quiet one, leases one token at a time: exactly the behaviour of one call per request.
 * - Unused tokens lapse after `LEASE_TTL_MS` (they are not returned: a lease covers ~50 ms of demand, so little
 *   lapses, and the bucket refills continuously).
 * - A refusal is a lease too: the bucket had no whole token, and cannot have one before `retryAfterMs`, so the
 *   requests until then (at most `REFUSAL_TTL_MS`, so that an operator's raised limit shows within a second) are
 *   refused without asking Redis. A flood of one client then costs Redis one call per refusal period, not one per
 *   request.
 */
export const LEASE_HORIZON_MS = 50;
export const LEASE_MAX_TOKENS = 64;
export const LEASE_MAX_SHARE = 50;
export const LEASE_TTL_MS = 1_000;
export const REFUSAL_TTL_MS = 1_000;
/** Demand is counted in windows of this length; the rate blends the current and the previous window. */
export const DEMAND_WINDOW_MS = 1_000;

export type Lease =
  | { kind: 'tokens'; left: number; remaining: number; resetMs: number; expiresAt: number }
  | { kind: 'refused'; retryAt: number; resetMs: number; expiresAt: number };

/** Requests counted in the current and the previous demand window. */
export interface Demand {
  windowStart: number;
  current: number;
  previous: number;
}

export function noDemand(now: number): Demand {
  return { windowStart: now, current: 0, previous: 0 };
}

/** The demand with one more request at `now`. */
export function noteDemand(demand: Demand, now: number): Demand {
  const elapsed = now - demand.windowStart;
  if (elapsed < DEMAND_WINDOW_MS) return { windowStart: demand.windowStart, current: demand.current + 1, previous: demand.previous };
  // The window that just ended becomes the previous one; after a longer pause, nothing carries over.
  const previous = elapsed < 2 * DEMAND_WINDOW_MS ? demand.current : 0;
  return { windowStart: now - (elapsed % DEMAND_WINDOW_MS), current: 1, previous };
}

/** Requests per millisecond: the sliding-window estimate (the previous window weighted by how much of it still overlaps). */
export function demandRate(demand: Demand, now: number): number {
  const into = Math.min(Math.max(now - demand.windowStart, 0), DEMAND_WINDOW_MS);
  return (demand.previous * (1 - into / DEMAND_WINDOW_MS) + demand.current) / DEMAND_WINDOW_MS;
}

/** The most tokens one lease may hold under `policy`: 1 for small limits. */
export function leaseCap(policy: RateLimitPolicy): number {
  return Math.max(1, Math.min(LEASE_MAX_TOKENS, Math.floor(policy.limit / LEASE_MAX_SHARE)));
}

/** How many tokens to ask Redis for, with `waiting` requests already queued for them. */
export function leaseSize(demand: Demand, now: number, policy: RateLimitPolicy, waiting: number): number {
  const wanted = Math.max(waiting, Math.ceil(demandRate(demand, now) * LEASE_HORIZON_MS), 1);
  return Math.min(wanted, leaseCap(policy));
}

/** The lease Redis's grant makes, at `now`. */
export function leaseOf(grant: Grant, now: number): Lease {
  if (grant.granted > 0) {
    return { kind: 'tokens', left: grant.granted, remaining: grant.remaining, resetMs: grant.resetMs, expiresAt: now + LEASE_TTL_MS };
  }
  const retryAfterMs = Math.max(1, grant.retryAfterMs);
  return { kind: 'refused', retryAt: now + retryAfterMs, resetMs: grant.resetMs, expiresAt: now + Math.min(retryAfterMs, REFUSAL_TTL_MS) };
}

/**
 * One request against the lease: allowed with one of its tokens, or refused while a refusal holds. `undefined` when
 * the lease cannot decide (none, lapsed or used up): then Redis must be asked.
 */
export function takeFromLease(lease: Lease | undefined, now: number): { lease: Lease; decision: RateLimitDecision } | undefined {
  if (!lease || now >= lease.expiresAt) return undefined;
  if (lease.kind === 'refused') {
    return { lease, decision: { allowed: false, remaining: 0, retryAfterMs: Math.max(1, lease.retryAt - now), resetMs: lease.resetMs } };
  }
  if (lease.left < 1) return undefined;
  const left = lease.left - 1;
  // What the client has left: the shared bucket's remainder plus what this lease still holds for it.
  return { lease: { ...lease, left }, decision: { allowed: true, remaining: lease.remaining + left, retryAfterMs: 0, resetMs: lease.resetMs } };
}
