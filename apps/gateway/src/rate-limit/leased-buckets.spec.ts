import { LeasedBuckets, type DecisionSource } from './leased-buckets';
import { takeTokens, type Bucket, type Grant, type RateLimitDecision, type RateLimitPolicy } from './rate-limit-rules';

/** The shared bucket with token-bucket.lua's arithmetic (`takeTokens`), in memory, on a clock the test moves. */
class FakeStore {
  now = 0;
  calls: number[] = [];
  failing = false;
  private readonly buckets = new Map<string, Bucket>();
  private held: Array<() => void> = [];
  holding = false;

  take = async (key: string, policy: RateLimitPolicy, want: number): Promise<Grant> => {
    this.calls.push(want);
    if (this.holding) await new Promise<void>((release) => this.held.push(release));
    if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const { bucket, grant } = takeTokens(this.buckets.get(key), this.now, policy, want);
    this.buckets.set(key, bucket);
    return grant;
  };

  /** Answers the calls held so far. */
  release(): void {
    this.holding = false;
    for (const release of this.held.splice(0)) release();
  }
}

const WRITE: RateLimitPolicy = { limit: 3000, windowSeconds: 60 };
const SMALL: RateLimitPolicy = { limit: 5, windowSeconds: 60 };
const LOCAL: RateLimitDecision = { allowed: true, remaining: 7, retryAfterMs: 0, resetMs: 1 };

function setUp() {
  const store = new FakeStore();
  const failures: string[] = [];
  const fallbacks: string[] = [];
  const sources: DecisionSource[] = [];
  const buckets = new LeasedBuckets(
    {
      takeShared: store.take,
      fallback: (key) => {
        fallbacks.push(key);
        return LOCAL;
      },
      onStoreFailure: (error) => failures.push(error.message),
      maxKeys: 3,
      now: () => store.now,
    },
    (source) => sources.push(source),
  );
  return { store, buckets, failures, fallbacks, sources };
}

const allowedOf = (decisions: RateLimitDecision[]) => decisions.filter((d) => d.allowed).length;

describe('LeasedBuckets', () => {
  it('asks the store once per request for a quiet key', async () => {
    const { store, buckets } = setUp();
    for (let i = 0; i < 3; i++) {
      store.now += 500;
      expect((await buckets.decide('write:quiet', WRITE)).allowed).toBe(true);
    }
    expect(store.calls).toEqual([1, 1, 1]);
  });

  it("serves a busy key's requests from leases: far fewer store calls than requests", async () => {
    const { store, buckets, sources } = setUp();
    const decisions: RateLimitDecision[] = [];
    // 600 requests a second, one every ~1.7 ms, for two seconds.
    for (let i = 0; i < 1200; i++) {
      store.now = Math.floor((i * 2000) / 1200);
      decisions.push(await buckets.decide('write:busy', { limit: 1_000_000, windowSeconds: 60 }));
    }
    expect(allowedOf(decisions)).toBe(1200);
    expect(store.calls.length).toBeLessThan(1200 / 10);
    expect(sources.filter((s) => s === 'lease').length).toBeGreaterThan(1000);
  });

  it('never admits more than the limit, whatever the concurrency, and refuses the rest from one call', async () => {
    const { store, buckets } = setUp();
    store.holding = true;
    const pending = Array.from({ length: 400 }, () => buckets.decide('write:flood', { limit: 100, windowSeconds: 60 }));
    // One call in flight for the key, however many requests wait: made for the first, alone then.
    expect(store.calls).toEqual([1]);
    store.release();
    const decisions = await Promise.all(pending);
    expect(allowedOf(decisions)).toBe(100);
    // Then leases of the cap (2 tokens) until the bucket is dry (99 tokens: 49 leases of 2, one of the last 1), and
    // one call whose refusal answers every request left.
    expect(store.calls).toEqual([1, ...Array(50).fill(2), 2]);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.remaining).toBe(0);
  });

  it('keeps a refusal without asking again until a token can be there', async () => {
    const { store, buckets } = setUp();
    for (let i = 0; i < 5; i++) expect((await buckets.decide('write:small', SMALL)).allowed).toBe(true);
    const refused = await buckets.decide('write:small', SMALL);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 12_000 });
    const calls = store.calls.length;
    store.now = 999;
    expect(await buckets.decide('write:small', SMALL)).toMatchObject({ allowed: false, retryAfterMs: 11_001 });
    expect(store.calls.length).toBe(calls);
    // The refusal lapses after a second: the store is asked again (and still has no whole token).
    store.now = 1000;
    expect((await buckets.decide('write:small', SMALL)).allowed).toBe(false);
    expect(store.calls.length).toBe(calls + 1);
    store.now = 12_000;
    expect((await buckets.decide('write:small', SMALL)).allowed).toBe(true);
  });

  it('shares the bucket exactly between two replicas when the limit is small', async () => {
    const store = new FakeStore();
    const replica = () => new LeasedBuckets({ takeShared: store.take, fallback: () => LOCAL, onStoreFailure: () => undefined, maxKeys: 10, now: () => store.now });
    const [a, b] = [replica(), replica()];
    const allowed: boolean[] = [];
    for (let i = 0; i < 6; i++) allowed.push((await (i % 2 ? b : a).decide('write:shared', SMALL)).allowed);
    expect(allowed).toEqual([true, true, true, true, true, false]);
  });

  it('decides every waiting request locally when the store fails, and asks it again for the next', async () => {
    const { store, buckets, failures, fallbacks, sources } = setUp();
    store.failing = true;
    store.holding = true;
    const pending = Array.from({ length: 3 }, () => buckets.decide('write:down', WRITE));
    store.release();
    expect(await Promise.all(pending)).toEqual([LOCAL, LOCAL, LOCAL]);
    expect(failures).toEqual(['connect ECONNREFUSED 127.0.0.1:6379']);
    expect(fallbacks).toEqual(['write:down', 'write:down', 'write:down']);
    expect(sources).toEqual(['local', 'local', 'local']);
    store.failing = false;
    expect(await buckets.decide('write:down', WRITE)).toMatchObject({ allowed: true, remaining: WRITE.limit - 1 });
    expect(store.calls).toHaveLength(2);
  });

  it('forgets the oldest key beyond its bound, and still answers that key', async () => {
    const { store, buckets } = setUp();
    for (const key of ['a', 'b', 'c', 'd']) await buckets.decide(key, WRITE);
    expect(buckets.size).toBe(3);
    expect((await buckets.decide('a', WRITE)).allowed).toBe(true);
    expect(store.calls).toHaveLength(5);
  });
});
