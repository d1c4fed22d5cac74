import { Module } from '@nestjs/common';
import { ApiClientRepository } from './api-client.repository';
import { AuthenticatedKeyCache } from './authenticated-key-cache';
import { AuthenticateClientUseCase } from './usecases/authenticate-client/authenticate-client.usecase';

/** The registered clients and their API keys: what every way in (API key, access token, compat session) checks against. */
@Module({
  providers: [ApiClientRepository, AuthenticatedKeyCache, AuthenticateClientUseCase],
  exports: [AuthenticateClientUseCase, ApiClientRepository, AuthenticatedKeyCache],
})
export class ApiClientModule {}
