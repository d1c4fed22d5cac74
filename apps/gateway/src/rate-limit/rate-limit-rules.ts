/** Route classes, each with its own budget: a client's reads never starve its writes. `public` is per IP, or per payment provider for its callbacks. */
export const ROUTE_CLASSES = ['read', 'write', 'bulk', 'public'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

/** `limit` requests per `windowSeconds`, refilled continuously (token bucket: bursts up to `limit`). */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

export type RateLimitPolicies = Record<RouteClass, RateLimitPolicy>;
/** Per-client overrides set by operators: requests per window for some classes. */
export type RateLimitOverrides = Partial<Record<Exclude<RouteClass, 'public'>, number>>;

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole requests left now. */
  remaining: number;
  /** Milliseconds until the next request would be allowed (0 when allowed). */
  retryAfterMs: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

export interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Who an anonymous request counts against: a payment provider's callback (`/v1/payment-callbacks/{provider}`) against
 * that provider, whatever address it comes from (providers call from pools of addresses); anything else against its IP.
 */
export function anonymousSubject(url: string, clientIp: string): string {
  const provider = /^\/v1\/payment-callbacks\/([^/?#]+)/.exec(url)?.[1];
  return provider ? `provider:${provider}` : clientIp;
}

export function routeClassOf(method: string, anonymous: boolean, bulk: boolean): RouteClass {
  if (anonymous) return 'public';
  if (bulk) return 'bulk';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

export function policyFor(routeClass: RouteClass, defaults: RateLimitPolicies, overrides: RateLimitOverrides | undefined): RateLimitPolicy {
  const base = defaults[routeClass];
  const override = routeClass === 'public' ? undefined : overrides?.[routeClass];
  return override === undefined ? base : { ...base, limit: override };
}

/** What taking up to `want` tokens from a bucket gave (token-bucket.lua answers the same for the shared bucket). */
export interface Grant {
  granted: number;
  /** Whole tokens left in the bucket after this grant. */
  remaining: number;
  /** Milliseconds until the bucket holds a whole token again (0 while it holds one). */
  retryAfterMs: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

/**
 * Up to `want` whole tokens from a token bucket: the arithmetic of the Redis script (token-bucket.lua), which the
 * shared buckets run; here for the per-replica fallback when Redis is unreachable.
 */
export function takeTokens(bucket: Bucket | undefined, now: number, policy: RateLimitPolicy, want: number): { bucket: Bucket; grant: Grant } {
  const windowMs = policy.windowSeconds * 1000;
  const rate = policy.limit / windowMs;
  const previous = bucket ?? { tokens: policy.limit, at: now };
  let tokens = Math.min(policy.limit, previous.tokens + Math.max(0, now - previous.at) * rate);
  const granted = Math.max(0, Math.min(want, Math.floor(tokens)));
  tokens -= granted;
  return {
    bucket: { tokens, at: now },
    grant: {
      granted,
      remaining: Math.floor(tokens),
      retryAfterMs: tokens < 1 ? Math.ceil((1 - tokens) / rate) : 0,
      resetMs: Math.ceil((policy.limit - tokens) / rate),
    },
  };
}

/** One request against a token bucket (`takeTokens` of one). */
export function takeToken(bucket: Bucket | undefined, now: number, policy: RateLimitPolicy): { bucket: Bucket; decision: RateLimitDecision } {
  const { bucket: next, grant } = takeTokens(bucket, now, policy, 1);
  const allowed = grant.granted === 1;
  return { bucket: next, decision: { allowed, remaining: grant.remaining, retryAfterMs: allowed ? 0 : grant.retryAfterMs, resetMs: grant.resetMs } };
}

/** IETF draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` and `RateLimit` as structured fields. */
export function rateLimitHeaders(routeClass: RouteClass, policy: RateLimitPolicy, decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-policy': `"${routeClass}";q=${policy.limit};w=${policy.windowSeconds}`,
    ratelimit: `"${routeClass}";r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`,
  };
  if (!decision.allowed) headers['retry-after'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  return headers;
}
