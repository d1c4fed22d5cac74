import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CallerModule } from '../caller/caller.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { ProxyController } from './proxy.controller';
import { registerPassthroughBodyParser, type BodyLimits } from './passthrough-body.parser';
import { UpstreamClient } from './upstream.client';
import { ForwardRequestUseCase } from './usecases/forward-request/forward-request.usecase';

export const BODY_LIMITS = Symbol('BODY_LIMITS');

@Module({
  imports: [CallerModule, IdempotencyModule, RateLimitModule],
  controllers: [ProxyController],
  providers: [UpstreamClient, ForwardRequestUseCase],
  exports: [UpstreamClient],
})
export class ProxyModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(BODY_LIMITS) private readonly limits: BodyLimits,
  ) {}

  onModuleInit(): void {
    registerPassthroughBodyParser(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.limits);
  }
}
