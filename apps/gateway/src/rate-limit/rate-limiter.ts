import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ReadinessCheck } from '@hub/platform';
import { Redis } from 'ioredis';
import { LeasedBuckets } from './leased-buckets';
import { policyFor, rateLimitHeaders, takeToken, type Bucket, type Grant, type RateLimitDecision, type RateLimitOverrides, type RateLimitPolicies, type RateLimitPolicy, type RouteClass } from './rate-limit-rules';
import { RateLimitErrors } from './rate-limit.errors';
import { rateLimitDecisions, rateLimitStoreCalls } from './rate-limit.metrics';
import { TOKEN_BUCKET_LUA } from './token-bucket.lua';

export interface RateLimitOptions {
  redisUrl: string;
  /** Prefix of every Redis key (one per deployment, or per test run). */
  keyPrefix: string;
  /** Beyond this, a Redis call counts as failed and the local limiter answers. */
  redisTimeoutMs: number;
  policies: RateLimitPolicies;
}

export const RATE_LIMIT_OPTIONS = Symbol('RATE_LIMIT_OPTIONS');

export interface RateLimitSubject {
  routeClass: RouteClass;
  /** The client id, or the caller's IP for the public class. */
  subject: string;
  overrides?: RateLimitOverrides;
}

type RedisWithBucket = Redis & { hubTakeTokens(key: string, limit: number, windowMs: number, want: number): Promise<[number, number, number, number]> };

const LOCAL_MAX_BUCKETS = 100_000;

/**
 * Token buckets in Redis, shared by every replica, reached through leases (`token-lease.ts`): a busy client's requests
 * share one Redis round trip per lease instead of one each. When Redis cannot answer, each replica falls back to its
 * own buckets with the same limits (bounded per replica, never unlimited) and readiness reports `degraded`.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: RedisWithBucket;
  private readonly local = new Map<string, Bucket>();
  private readonly shared: LeasedBuckets;
  private lastFailure?: string;

  constructor(@Inject(RATE_LIMIT_OPTIONS) private readonly options: RateLimitOptions) {
    this.redis = new Redis(options.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.redisTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    }) as RedisWithBucket;
    this.redis.defineCommand('hubTakeTokens', { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA });
    this.redis.on('error', (err: Error) => this.noteFailure(err.message));
    this.redis.on('ready', () => {
      if (this.lastFailure) this.logger.log({ msg: 'Redis is back: rate limits are shared again' });
      this.lastFailure = undefined;
    });
    this.shared = new LeasedBuckets(
      {
        takeShared: (key, policy, want) => this.takeShared(key, policy, want),
        fallback: (key, policy) => this.takeLocally(key, policy),
        onStoreFailure: (err) => this.noteFailure(err.message),
        maxKeys: LOCAL_MAX_BUCKETS,
      },
      (source) => rateLimitDecisions.inc({ source }),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((err: Error) => this.noteFailure(err.message));
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  /** Throws RATE_LIMITED (a 429 with Retry-After) when over the limit; otherwise returns the RateLimit headers. */
  async check({ routeClass, subject, overrides }: RateLimitSubject): Promise<Record<string, string>> {
    const policy = policyFor(routeClass, this.options.policies, overrides);
    const key = `${this.options.keyPrefix}${routeClass}:${subject}`;
    const decision = await this.shared.decide(key, policy);
    const headers = rateLimitHeaders(routeClass, policy, decision);
    if (!decision.allowed) throw RateLimitErrors.limited(routeClass, policy, headers);
    return headers;
  }

  readiness(): ReadinessCheck {
    return {
      name: 'rate-limit-store',
      check: async () => {
        if (this.redis.status !== 'ready') return { degraded: 'Redis unreachable: per-replica rate limits in use' };
        return undefined;
      },
    };
  }

  private async takeShared(key: string, policy: RateLimitPolicy, want: number): Promise<Grant> {
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      const [granted, remaining, retryAfterMs, resetMs] = await this.redis.hubTakeTokens(key, policy.limit, policy.windowSeconds * 1000, want);
      rateLimitStoreCalls.inc({ outcome: 'ok' });
      return { granted, remaining, retryAfterMs, resetMs };
    } catch (error) {
      rateLimitStoreCalls.inc({ outcome: 'failed' });
      throw error;
    }
  }

  private takeLocally(key: string, policy: RateLimitPolicy): RateLimitDecision {
    // Evicts the least recently inserted bucket rather than clearing all, so a flood of IPs cannot reset everyone's.
    if (!this.local.has(key) && this.local.size >= LOCAL_MAX_BUCKETS) this.local.delete(this.local.keys().next().value!);
    const { bucket, decision } = takeToken(this.local.get(key), Date.now(), policy);
    this.local.set(key, bucket);
    return decision;
  }

  private noteFailure(message: string): void {
    if (this.lastFailure === undefined) this.logger.warn({ msg: 'Redis unavailable: per-replica rate limits in use', reason: message });
    this.lastFailure = message;
  }
}
