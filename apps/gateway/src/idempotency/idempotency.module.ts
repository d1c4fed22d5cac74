import { Module } from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store';
import { IdempotentExchange } from './idempotent-exchange';

@Module({
  providers: [IdempotencyStore, IdempotentExchange],
  exports: [IdempotentExchange],
})
export class IdempotencyModule {}
