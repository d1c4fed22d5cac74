import { anonymousSubject, policyFor, rateLimitHeaders, routeClassOf, takeToken, takeTokens, type RateLimitPolicies } from './rate-limit-rules';

const policies: RateLimitPolicies = {
  read: { limit: 100, windowSeconds: 60 },
  write: { limit: 3, windowSeconds: 60 },
  bulk: { limit: 1, windowSeconds: 60 },
  public: { limit: 10, windowSeconds: 60 },
};

describe('rate-limit rules', () => {
  it('classifies requests', () => {
    expect(routeClassOf('GET', true, false)).toBe('public');
    expect(routeClassOf('GET', false, false)).toBe('read');
    expect(routeClassOf('HEAD', false, false)).toBe('read');
    expect(routeClassOf('POST', false, false)).toBe('write');
    expect(routeClassOf('DELETE', false, false)).toBe('write');
    expect(routeClassOf('POST', false, true)).toBe('bulk');
  });

  it('counts anonymous requests per IP, and payment callbacks per provider', () => {
    expect(anonymousSubject('/v1/procedures?q=x', '10.0.0.1')).toBe('10.0.0.1');
    expect(anonymousSubject('/v1/payment-callbacks/vnpay', '10.0.0.1')).toBe('provider:vnpay');
    expect(anonymousSubject('/v1/payment-callbacks/vnpay?vnp_TxnRef=1', '10.0.0.2')).toBe('provider:vnpay');
    expect(anonymousSubject('/v1/payment-callbacks/momo', '10.0.0.1')).toBe('provider:momo');
  });

  it('applies per-client overrides except to the public class', () => {
    expect(policyFor('write', policies, { write: 50 })).toEqual({ limit: 50, windowSeconds: 60 });
    expect(policyFor('read', policies, { write: 50 })).toEqual(policies.read);
    expect(policyFor('public', policies, { write: 50 })).toEqual(policies.public);
  });

  it('allows a burst up to the limit, then refuses until a token has refilled', () => {
    let bucket;
    const decisions = [];
    for (let i = 0; i < 4; i++) {
      const step = takeToken(bucket, 1_000, policies.write);
      bucket = step.bucket;
      decisions.push(step.decision);
    }
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3].retryAfterMs).toBe(20_000); // 3 per minute: one token every 20 s
    expect(takeToken(bucket, 1_000 + 19_999, policies.write).decision.allowed).toBe(false);
    expect(takeToken(bucket, 1_000 + 20_000, policies.write).decision.allowed).toBe(true);
  });

  it('grants several tokens at once, only whole ones the bucket holds, and says when the next one is there', () => {
    const policy = { limit: 10, windowSeconds: 10 }; // one token a second
    const first = takeTokens(undefined, 0, policy, 4);
    expect(first.grant).toEqual({ granted: 4, remaining: 6, retryAfterMs: 0, resetMs: 4_000 });
    const rest = takeTokens(first.bucket, 0, policy, 64);
    expect(rest.grant).toEqual({ granted: 6, remaining: 0, retryAfterMs: 1_000, resetMs: 10_000 });
    expect(takeTokens(rest.bucket, 500, policy, 1).grant).toMatchObject({ granted: 0, retryAfterMs: 500 });
    expect(takeTokens(rest.bucket, 2_500, policy, 5).grant).toMatchObject({ granted: 2, remaining: 0, retryAfterMs: 500 });
  });

  it('never holds more than the limit, however long the pause', () => {
    const { bucket } = takeToken(undefined, 0, policies.write);
    expect(takeToken(bucket, 10 * 3_600_000, policies.write).decision.remaining).toBe(2);
  });

  it('renders the IETF headers, with Retry-After only when refused', () => {
    const allowed = takeToken(undefined, 0, policies.write).decision;
    expect(rateLimitHeaders('write', policies.write, allowed)).toEqual({ 'ratelimit-policy': '"write";q=3;w=60', ratelimit: '"write";r=2;t=20' });
    const refused = { allowed: false, remaining: 0, retryAfterMs: 1_500, resetMs: 60_000 };
    expect(rateLimitHeaders('write', policies.write, refused)['retry-after']).toBe('2');
  });
});
