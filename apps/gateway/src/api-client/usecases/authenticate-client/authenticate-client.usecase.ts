import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { apiKeyMatches, parseApiKey } from '../../api-key';

const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

/**
 * API key → verified caller identity. Successful lookups are cached briefly so the hot path does not
 * query the database per request; a revoked key stops working within CACHE_TTL_MS.
 */
@Injectable()
export class AuthenticateClientUseCase {
  private readonly cache = new Map<string, { identity: CallerIdentity; expires: number }>();

  constructor(private readonly clients: ApiClientRepository) {}

  async execute(apiKey: string | undefined): Promise<CallerIdentity> {
    if (!apiKey) throw ApiClientErrors.unauthenticated('Send the API key in the x-api-key header');
    const cached = this.cache.get(apiKey);
    if (cached && cached.expires > Date.now()) return cached.identity;
    const parsed = parseApiKey(apiKey);
    const client = parsed ? await this.clients.findByPrefix(parsed.prefix) : null;
    if (!client || !client.active || !apiKeyMatches(apiKey, client.keyHash)) {
      throw ApiClientErrors.unauthenticated('The API key is unknown, revoked or malformed');
    }
    const identity: CallerIdentity = { clientId: client.clientId, kind: client.kind, agencyCodes: client.agencyCodes, roles: client.roles };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(apiKey, { identity, expires: Date.now() + CACHE_TTL_MS });
    return identity;
  }
}
