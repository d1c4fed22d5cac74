import { Module } from '@nestjs/common';
import { ClientChangesModule } from '../client-changes/client-changes.module';
import { ApiClientRepository } from './api-client.repository';
import { AuthenticatedKeyCache } from './authenticated-key-cache';
import { AuthenticateClientUseCase } from './usecases/authenticate-client/authenticate-client.usecase';

/** The registered clients and their API keys: what every way in (API key, access token, compat session) checks against. */
@Module({
  imports: [ClientChangesModule],
  providers: [ApiClientRepository, AuthenticatedKeyCache, AuthenticateClientUseCase],
  exports: [ClientChangesModule, AuthenticateClientUseCase, ApiClientRepository, AuthenticatedKeyCache],
})
export class ApiClientModule {}
