import { Module } from '@nestjs/common';
import { ApiClientModule } from '../api-client/api-client.module';
import { ProxyController } from './proxy.controller';
import { UpstreamClient } from './upstream.client';
import { ForwardRequestUseCase } from './usecases/forward-request/forward-request.usecase';

@Module({
  imports: [ApiClientModule],
  controllers: [ProxyController],
  providers: [UpstreamClient, ForwardRequestUseCase],
  exports: [UpstreamClient],
})
export class ProxyModule {}
