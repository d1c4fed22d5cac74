import { Module } from '@nestjs/common';
import { ApiClientModule } from '../api-client/api-client.module';
import { ProxyModule } from '../proxy/proxy.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { CompatController } from './compat.controller';
import { NativeApi } from './native-api';
import { SessionClients } from './session-clients';
import { CompatCallUseCase } from './usecases/compat-call.usecase';
import { CompatLoginUseCase } from './usecases/compat-login.usecase';

/** The compatibility endpoint (`/dvcqg/...`): an adapter at the edge onto the native API. */
@Module({
  imports: [ApiClientModule, ProxyModule, RateLimitModule],
  controllers: [CompatController],
  providers: [NativeApi, SessionClients, CompatLoginUseCase, CompatCallUseCase],
})
export class CompatModule {}
