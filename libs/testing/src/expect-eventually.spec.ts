import { expectEventually } from './expect-eventually';

describe('expectEventually', () => {
  it('returns once the assertion passes', async () => {
    let calls = 0;
    const value = await expectEventually(() => {
      calls++;
      if (calls < 3) throw new Error('not yet');
      return calls;
    }, { intervalMs: 1 });
    expect(value).toBe(3);
  });

  it('rethrows the last failure after the timeout', async () => {
    await expect(expectEventually(() => Promise.reject(new Error('never')), { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow('never');
  });
});
