import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CallerModule } from '../caller/caller.module';
import { OAuthModule } from '../oauth/oauth.module';
import { AdminAudit } from './admin-audit';
import { AdminAuditController, ApiClientController } from './api-client.controller';
import { ApiClientModule } from './api-client.module';
import { ListApiClientsUseCase } from './usecases/list-api-clients/list-api-clients.usecase';
import { RegisterApiClientUseCase } from './usecases/register-api-client/register-api-client.usecase';
import { RotateApiKeyUseCase } from './usecases/rotate-api-key/rotate-api-key.usecase';
import { UpdateApiClientUseCase } from './usecases/update-api-client/update-api-client.usecase';

/** `GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH` (`<prefix>:<sha256>`), or undefined. */
export const BOOTSTRAP_ADMIN_KEY = Symbol('BOOTSTRAP_ADMIN_KEY');

/** `/v1/admin/api-clients` and `/v1/admin/audit`: operators register, change, disable and rotate clients. */
@Module({
  imports: [ApiClientModule, OAuthModule, CallerModule],
  controllers: [ApiClientController, AdminAuditController],
  providers: [AdminAudit, ListApiClientsUseCase, RegisterApiClientUseCase, UpdateApiClientUseCase, RotateApiKeyUseCase],
})
export class ApiClientAdminModule implements OnApplicationBootstrap {
  constructor(
    private readonly registerApiClient: RegisterApiClientUseCase,
    @Inject(BOOTSTRAP_ADMIN_KEY) private readonly bootstrapAdminKeyHash: string | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.bootstrapAdminKeyHash) await this.registerApiClient.ensureBootstrapAdmin(this.bootstrapAdminKeyHash);
  }
}
