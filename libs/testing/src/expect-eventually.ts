/**
 * Retries an assertion until it passes or the timeout is reached; for effects that travel through
 * Kafka. This is not a timing assertion: the timeout only bounds how long a failure takes to report.
 */
export async function expectEventually<T>(assertion: () => Promise<T> | T, { timeoutMs = 20_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
