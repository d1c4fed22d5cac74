import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CallerModule } from '../caller/caller.module';
import { ExchangeLogController, ReceiptKeysController } from './exchange-log.controller';
import { ExchangeLogAppender } from './exchange-log.appender';
import { ExchangeLogHook } from './exchange-log.hook';
import { ExchangeLogStore } from './exchange-log.store';
import { ReceiptSigner } from './receipt-signer';
import { VerifyExchangeLogUseCase } from './usecases/verify-exchange-log/verify-exchange-log.usecase';

@Module({
  imports: [CallerModule],
  controllers: [ExchangeLogController, ReceiptKeysController],
  providers: [ExchangeLogStore, ExchangeLogAppender, ReceiptSigner, ExchangeLogHook, VerifyExchangeLogUseCase],
})
export class ExchangeLogModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly hook: ExchangeLogHook,
  ) {}

  onModuleInit(): void {
    this.hook.register(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
