import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AdminAudit } from './admin-audit';
import { AdminAuditController, ApiClientController } from './api-client.controller';
import { ApiClientRepository } from './api-client.repository';
import { ApiKeyGuard } from './api-key.guard';
import { AuthenticatedKeyCache } from './authenticated-key-cache';
import { AuthenticateClientUseCase } from './usecases/authenticate-client/authenticate-client.usecase';
import { ListApiClientsUseCase } from './usecases/list-api-clients/list-api-clients.usecase';
import { RegisterApiClientUseCase } from './usecases/register-api-client/register-api-client.usecase';
import { RotateApiKeyUseCase } from './usecases/rotate-api-key/rotate-api-key.usecase';
import { UpdateApiClientUseCase } from './usecases/update-api-client/update-api-client.usecase';

/** `GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH` (`<prefix>:<sha256>`), or undefined. */
export const BOOTSTRAP_ADMIN_KEY = Symbol('BOOTSTRAP_ADMIN_KEY');

@Module({
  controllers: [ApiClientController, AdminAuditController],
  providers: [
    ApiClientRepository,
    AdminAudit,
    ListApiClientsUseCase,
    AuthenticatedKeyCache,
    AuthenticateClientUseCase,
    RegisterApiClientUseCase,
    UpdateApiClientUseCase,
    RotateApiKeyUseCase,
    ApiKeyGuard,
  ],
  exports: [AuthenticateClientUseCase, ApiClientRepository],
})
export class ApiClientModule implements OnApplicationBootstrap {
  constructor(
    private readonly registerApiClient: RegisterApiClientUseCase,
    @Inject(BOOTSTRAP_ADMIN_KEY) private readonly bootstrapAdminKeyHash: string | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.bootstrapAdminKeyHash) await this.registerApiClient.ensureBootstrapAdmin(this.bootstrapAdminKeyHash);
  }
}
