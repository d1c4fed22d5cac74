import type { ReadinessCheck } from '@hub/platform';

/** Well under the health controller's 2 s per check, so an unreachable broker is reported, not timed out. */
export const BROKER_PING_TIMEOUT_MS = 1_500;

export const BROKER_DEGRADED_REASON = 'Kafka broker unreachable: writes are still accepted and their events wait in the outbox; consumers resume when it is back.';

/**
 * The broker is not a reason to take a service out of rotation: intake writes its events to the outbox (PostgreSQL,
 * checked separately), so an unreachable broker makes readiness `degraded` (200, with the reason), never `down`.
 * The reason names no address: probes are unauthenticated.
 */
export function brokerReadiness(kafka: { ping(timeoutMs?: number): Promise<void> }, timeoutMs = BROKER_PING_TIMEOUT_MS): ReadinessCheck {
  return {
    name: 'kafka',
    check: async () => {
      try {
        await kafka.ping(timeoutMs);
        return undefined;
      } catch {
        return { degraded: BROKER_DEGRADED_REASON };
      }
    },
  };
}
