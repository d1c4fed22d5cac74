import { BROKER_DEGRADED_REASON, BROKER_PING_TIMEOUT_MS, brokerReadiness } from './broker-readiness';

describe('broker readiness', () => {
  it('is up when the broker answers, within less than the health check timeout', async () => {
    const pings: (number | undefined)[] = [];
    const check = brokerReadiness({ ping: async (ms) => void pings.push(ms) });
    await expect(check.check()).resolves.toBeUndefined();
    expect(pings).toEqual([BROKER_PING_TIMEOUT_MS]);
    expect(BROKER_PING_TIMEOUT_MS).toBeLessThan(2_000);
  });

  it('is degraded, never down, when the broker does not answer; the reason names no address', async () => {
    const check = brokerReadiness({ ping: async () => Promise.reject(new Error('Connection error: connect ECONNREFUSED 10.1.2.3:9092')) });
    await expect(check.check()).resolves.toEqual({ degraded: BROKER_DEGRADED_REASON });
    expect(BROKER_DEGRADED_REASON).not.toMatch(/\d+\.\d+\.\d+\.\d+|:\d{2,5}/);
  });
});
