import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ReadinessCheck } from '@hub/platform';
import { Redis } from 'ioredis';
import { policyFor, rateLimitHeaders, takeToken, type Bucket, type RateLimitDecision, type RateLimitOverrides, type RateLimitPolicies, type RouteClass } from './rate-limit-rules';
import { RateLimitErrors } from './rate-limit.errors';
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

type RedisWithBucket = Redis & { hubTakeToken(key: string, limit: number, windowMs: number): Promise<[number, number, number, number]> };

const LOCAL_MAX_BUCKETS = 100_000;

/**
 * Token buckets in Redis, shared by every replica. When Redis cannot answer, each replica falls back to its
 * own buckets with the same limits (bounded per replica, never unlimited) and readiness reports `degraded`.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: RedisWithBucket;
  private readonly local = new Map<string, Bucket>();
  private lastFailure?: string;

  constructor(@Inject(RATE_LIMIT_OPTIONS) private readonly options: RateLimitOptions) {
    this.redis = new Redis(options.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.redisTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    }) as RedisWithBucket;
    this.redis.defineCommand('hubTakeToken', { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA });
    this.redis.on('error', (err: Error) => this.noteFailure(err.message));
    this.redis.on('ready', () => {
      if (this.lastFailure) this.logger.log({ msg: 'Redis is back: rate limits are shared again' });
      this.lastFailure = undefined;
    });
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
    const decision = await this.take(key, policy.limit, policy.windowSeconds * 1000).catch((err: Error) => {
      this.noteFailure(err.message);
      return this.takeLocally(key, policy);
    });
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

  private async take(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
    const [allowed, remaining, retryAfterMs, resetMs] = await this.redis.hubTakeToken(key, limit, windowMs);
    return { allowed: allowed === 1, remaining, retryAfterMs, resetMs };
  }

  private takeLocally(key: string, policy: { limit: number; windowSeconds: number }): RateLimitDecision {
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
