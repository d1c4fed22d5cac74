import { Injectable } from '@nestjs/common';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { toApiClientView } from '../../api-client.view';
import { generateApiKey } from '../../api-key';
import { AuthenticatedKeyCache } from '../../authenticated-key-cache';
import type { RotateApiKeyCommand, RotatedApiKeyView } from './rotate-api-key.command';

/**
 * Issues a new key for a client and replaces the old one in the same write: the old key stops working at once
 * on this gateway (its cache entries are dropped), and within the cache TTL on other replicas.
 */
@Injectable()
export class RotateApiKeyUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly cache: AuthenticatedKeyCache,
  ) {}

  async execute({ clientId }: RotateApiKeyCommand): Promise<RotatedApiKeyView> {
    const { key, prefix, hash } = generateApiKey();
    const client = await this.clients.update(clientId, { keyPrefix: prefix, keyHash: hash });
    if (!client) throw ApiClientErrors.notFound(clientId);
    this.cache.forgetClient(clientId);
    return { ...toApiClientView(client), apiKey: key };
  }
}
