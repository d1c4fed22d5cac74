import { Module } from '@nestjs/common';
import { READINESS_CHECK } from '@hub/platform';
import { RateLimiter } from './rate-limiter';

@Module({
  providers: [RateLimiter, { provide: READINESS_CHECK, inject: [RateLimiter], useFactory: (limiter: RateLimiter) => limiter.readiness() }],
  exports: [RateLimiter],
})
export class RateLimitModule {}
