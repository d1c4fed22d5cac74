import { Injectable } from '@nestjs/common';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { toApiClientView, type ApiClientView } from '../../api-client.view';
import { AuthenticatedKeyCache } from '../../authenticated-key-cache';
import type { UpdateApiClientCommand } from './update-api-client.command';

/** Changes a client's name, agencies, roles, state or rate limits; they apply to its very next request through this gateway. */
@Injectable()
export class UpdateApiClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly cache: AuthenticatedKeyCache,
  ) {}

  async execute({ clientId, changes }: UpdateApiClientCommand): Promise<ApiClientView> {
    const { name, agencyCodes, roles, active } = changes;
    const rateLimits = changes.rateLimits && { ...changes.rateLimits };
    const defined = Object.fromEntries(Object.entries({ name, agencyCodes, roles, active, rateLimits }).filter(([, value]) => value !== undefined));
    const client = await this.clients.update(clientId, defined);
    if (!client) throw ApiClientErrors.notFound(clientId);
    this.cache.forgetClient(clientId);
    return toApiClientView(client);
  }
}
