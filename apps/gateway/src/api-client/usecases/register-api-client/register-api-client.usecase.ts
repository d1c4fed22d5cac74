import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { generateApiKey, hashApiKey, parseApiKey } from '../../api-key';
import { DEFAULT_ROLES } from '../../default-roles';
import type { RegisterApiClientCommand, RegisteredApiClientDto } from './register-api-client.command';

@Injectable()
export class RegisterApiClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterApiClientCommand): Promise<RegisteredApiClientDto> {
    const { key, prefix, hash } = generateApiKey();
    const client = { ...command, roles: [...(command.roles ?? DEFAULT_ROLES[command.kind])] };
    const inserted = await this.clients.insert({ ...client, keyPrefix: prefix, keyHash: hash, active: true, createdAt: this.clock.now() });
    if (!inserted) throw ApiClientErrors.exists(command.clientId);
    return { ...client, apiKey: key };
  }

  /** Registers (or re-keys) the administrator whose key an operator put in the configuration. */
  async ensureBootstrapAdmin(apiKey: string): Promise<void> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) throw new Error('GATEWAY_BOOTSTRAP_ADMIN_KEY is malformed');
    await this.clients.upsert({
      clientId: 'bootstrap-admin',
      name: 'Bootstrap administrator (from configuration)',
      kind: 'operator',
      agencyCodes: [],
      roles: ['hub:admin'],
      keyPrefix: parsed.prefix,
      keyHash: hashApiKey(apiKey),
      active: true,
      createdAt: this.clock.now(),
    });
  }
}
