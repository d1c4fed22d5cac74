export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** A delivery still failing this long after its first attempt is parked. */
  parkAfterMs: number;
}

/**
 * After failed attempt `attempt` (1-based): wait base·2^(attempt−1), capped at maxMs, with "equal jitter" (half fixed,
 * half random) so receivers coming back are not hit by every sender at once and no wait collapses to zero.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The next attempt's time, or `park` when it would fall after the retry window of the first attempt. */
export function afterFailure(attempt: number, firstAttemptAt: Date, now: Date, policy: RetryPolicy, random?: () => number): { park: true } | { park: false; nextAttemptAt: Date } {
  const next = new Date(now.getTime() + retryDelayMs(attempt, policy, random));
  if (next.getTime() - firstAttemptAt.getTime() > policy.parkAfterMs) return { park: true };
  return { park: false, nextAttemptAt: next };
}
