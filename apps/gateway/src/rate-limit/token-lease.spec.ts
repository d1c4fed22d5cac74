import type { RateLimitPolicy } from './rate-limit-rules';
import {
  DEMAND_WINDOW_MS,
  LEASE_HORIZON_MS,
  LEASE_MAX_TOKENS,
  LEASE_TTL_MS,
  REFUSAL_TTL_MS,
  demandRate,
  leaseCap,
  leaseOf,
  leaseSize,
  noDemand,
  noteDemand,
  takeFromLease,
  type Demand,
} from './token-lease';

const policy = (limit: number): RateLimitPolicy => ({ limit, windowSeconds: 60 });

function demandOf(requests: number, spreadMs: number, start = 0): Demand {
  let demand = noDemand(start);
  for (let i = 0; i < requests; i++) demand = noteDemand(demand, start + Math.floor((i * spreadMs) / requests));
  return demand;
}

describe('token leases', () => {
  describe('demand', () => {
    it('counts requests in the current window and carries the last one over', () => {
      let demand = demandOf(300, DEMAND_WINDOW_MS);
      expect(demand.current).toBe(300);
      demand = noteDemand(demand, DEMAND_WINDOW_MS + 10);
      expect(demand).toEqual({ windowStart: DEMAND_WINDOW_MS, current: 1, previous: 300 });
    });

    it('forgets everything after a pause longer than a window', () => {
      const demand = noteDemand(demandOf(300, DEMAND_WINDOW_MS), 3 * DEMAND_WINDOW_MS + 5);
      expect(demand).toEqual({ windowStart: 3 * DEMAND_WINDOW_MS, current: 1, previous: 0 });
    });

    it('estimates the rate from both windows, the previous one fading out', () => {
      const demand: Demand = { windowStart: 1000, current: 100, previous: 400 };
      expect(demandRate(demand, 1000)).toBeCloseTo(500 / DEMAND_WINDOW_MS);
      expect(demandRate(demand, 1000 + DEMAND_WINDOW_MS / 2)).toBeCloseTo(300 / DEMAND_WINDOW_MS);
      expect(demandRate(demand, 1000 + DEMAND_WINDOW_MS)).toBeCloseTo(100 / DEMAND_WINDOW_MS);
    });
  });

  describe('lease size', () => {
    it('is one token for a quiet key or a small limit: one store call per request, as without leases', () => {
      expect(leaseSize(demandOf(3, DEMAND_WINDOW_MS), DEMAND_WINDOW_MS, policy(3000), 0)).toBe(1);
      expect(leaseSize(demandOf(5000, DEMAND_WINDOW_MS), DEMAND_WINDOW_MS - 1, policy(50), 30)).toBe(1);
      expect(leaseCap(policy(5))).toBe(1);
    });

    it("covers the horizon's worth of a busy key's demand", () => {
      // 600 requests a second: 30 in the next 50 ms.
      const demand = demandOf(600, DEMAND_WINDOW_MS);
      expect(leaseSize(demand, DEMAND_WINDOW_MS - 1, policy(1_000_000), 0)).toBe(Math.ceil((600 / DEMAND_WINDOW_MS) * LEASE_HORIZON_MS));
    });

    it('covers at least the requests already waiting, within the cap', () => {
      expect(leaseSize(noDemand(0), 0, policy(1_000_000), 20)).toBe(20);
      expect(leaseSize(noDemand(0), 0, policy(1_000_000), 5000)).toBe(LEASE_MAX_TOKENS);
      expect(leaseSize(noDemand(0), 0, policy(500), 5000)).toBe(10);
    });
  });

  describe('taking from a lease', () => {
    it('hands out the granted tokens one by one, then asks for more', () => {
      let lease = leaseOf({ granted: 3, remaining: 40, retryAfterMs: 0, resetMs: 900 }, 0);
      const remaining: number[] = [];
      for (let i = 0; i < 3; i++) {
        const taken = takeFromLease(lease, 10 + i)!;
        expect(taken.decision.allowed).toBe(true);
        remaining.push(taken.decision.remaining);
        lease = taken.lease;
      }
      // What the client has left counts the tokens this replica still holds for it.
      expect(remaining).toEqual([42, 41, 40]);
      expect(takeFromLease(lease, 20)).toBeUndefined();
    });

    it('lets unused tokens lapse', () => {
      const lease = leaseOf({ granted: 3, remaining: 40, retryAfterMs: 0, resetMs: 900 }, 0);
      expect(takeFromLease(lease, LEASE_TTL_MS - 1)).toBeDefined();
      expect(takeFromLease(lease, LEASE_TTL_MS)).toBeUndefined();
    });

    it('keeps refusing, with the retry time counting down, until a token can be there', () => {
      const lease = leaseOf({ granted: 0, remaining: 0, retryAfterMs: 300, resetMs: 60_000 }, 1000);
      expect(takeFromLease(lease, 1000)!.decision).toEqual({ allowed: false, remaining: 0, retryAfterMs: 300, resetMs: 60_000 });
      expect(takeFromLease(lease, 1250)!.decision.retryAfterMs).toBe(50);
      expect(takeFromLease(lease, 1300)).toBeUndefined();
    });

    it('holds a refusal at most a second, so that a raised limit shows soon', () => {
      const lease = leaseOf({ granted: 0, remaining: 0, retryAfterMs: 12_000, resetMs: 60_000 }, 0);
      expect(takeFromLease(lease, REFUSAL_TTL_MS - 1)!.decision).toMatchObject({ allowed: false, retryAfterMs: 12_000 - REFUSAL_TTL_MS + 1 });
      expect(takeFromLease(lease, REFUSAL_TTL_MS)).toBeUndefined();
    });

    it('decides nothing without a lease', () => {
      expect(takeFromLease(undefined, 0)).toBeUndefined();
    });
  });
});
