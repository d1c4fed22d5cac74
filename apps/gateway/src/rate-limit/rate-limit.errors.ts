import { AppError } from '@hub/platform';
import type { RouteClass } from './rate-limit-rules';

export type RateLimitErrorCode = 'RATE_LIMITED';

export const RateLimitErrors = {
  /** `headers` are the IETF RateLimit headers of the refusal (rate-limit-rules.ts), sent with the problem. */
  limited: (routeClass: RouteClass, policy: { limit: number; windowSeconds: number }, headers: Record<string, string>) =>
    new AppError<RateLimitErrorCode>(
      'RATE_LIMITED',
      `Limit of ${policy.limit} ${routeClass} requests per ${policy.windowSeconds} s reached; retry after ${headers['retry-after']} s.`,
      { params: { rateLimitPolicy: headers['ratelimit-policy'], rateLimit: headers.ratelimit, retryAfterSeconds: headers['retry-after'] } },
    ),
};
