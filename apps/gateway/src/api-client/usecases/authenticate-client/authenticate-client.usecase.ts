import { Injectable } from '@nestjs/common';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { apiKeyMatches, parseApiKey } from '../../api-key';
import { AuthenticatedKeyCache, type AuthenticatedClient } from '../../authenticated-key-cache';

/** API key → verified caller identity and the client's rate limits (cached briefly: see AuthenticatedKeyCache). */
@Injectable()
export class AuthenticateClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly cache: AuthenticatedKeyCache,
  ) {}

  async execute(apiKey: string | undefined): Promise<AuthenticatedClient> {
    if (!apiKey) throw ApiClientErrors.unauthenticated('Send the API key in the x-api-key header');
    const cached = this.cache.get(apiKey);
    if (cached) return cached;
    const parsed = parseApiKey(apiKey);
    const client = parsed ? await this.clients.findByPrefix(parsed.prefix) : null;
    if (!client || !client.active || !apiKeyMatches(apiKey, client.keyHash)) {
      throw ApiClientErrors.unauthenticated('The API key is unknown, revoked or malformed');
    }
    const authenticated: AuthenticatedClient = {
      identity: { clientId: client.clientId, kind: client.kind, agencyCodes: client.agencyCodes, roles: client.roles },
      rateLimits: client.rateLimits ?? undefined,
    };
    this.cache.set(apiKey, authenticated);
    return authenticated;
  }
}
