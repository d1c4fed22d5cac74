import { afterFailure, retryDelayMs, type RetryPolicy } from './retry-policy';

describe('webhook retry policy', () => {
  const policy: RetryPolicy = { baseMs: 10_000, maxMs: 3_600_000, parkAfterMs: 86_400_000 };

  it('doubles from the base with jitter in the upper half, capped at the maximum', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, () => 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, policy, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1_000, policy, () => 0.5)).toBe(2_700_000);
  });

  it('keeps retrying for 24 h after the first attempt, then parks', () => {
    const first = new Date('2026-01-12T00:00:00Z');
    let now = first;
    let attempt = 1;
    for (;;) {
      const next = afterFailure(attempt, first, now, policy, () => 1);
      if (next.park) break;
      expect(next.nextAttemptAt.getTime() - first.getTime()).toBeLessThanOrEqual(policy.parkAfterMs);
      now = next.nextAttemptAt;
      attempt++;
    }
    // Waits of 10 s, 20 s, … 2 560 s (5 110 s), then 22 of 1 h: the 32nd failure would end after 24 h.
    expect(attempt).toBe(32);
    expect(now.getTime() - first.getTime()).toBeGreaterThan(policy.parkAfterMs - 3_600_000);
  });
});
