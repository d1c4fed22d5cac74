import { Injectable } from '@nestjs/common';
import { effectiveRoles } from '@hub/platform';
import type { ApiClientEntity } from '../../api-client.entity';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { apiKeyMatches, parseApiKey } from '../../api-key';
import { AuthenticatedKeyCache, type AuthenticatedClient } from '../../authenticated-key-cache';

/**
 * API key → verified caller identity and the client's rate limits (cached briefly: see AuthenticatedKeyCache).
 * Accepted: the client's current key, or its previous key until the rotation's grace period ends; never after the
 * client's expiry or once it is disabled. The identity carries only the roles its kind may hold (access policy).
 */
/** Missing, unknown, revoked, expired or malformed: one answer, with no hint at which part was wrong (as for a bad token). */
const NO_HINT = 'The credentials are missing, invalid, expired or revoked.';

@Injectable()
export class AuthenticateClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly cache: AuthenticatedKeyCache,
  ) {}

  async execute(apiKey: string | undefined): Promise<AuthenticatedClient> {
    if (!apiKey) throw ApiClientErrors.unauthenticated(NO_HINT);
    const cached = this.cache.get(apiKey);
    if (cached) return cached;
    const parsed = parseApiKey(apiKey);
    const now = new Date(Date.now());
    const candidates = parsed ? await this.clients.findByKeyPrefix(parsed.prefix, now) : [];
    const match = candidates.map((client) => ({ client, validUntil: keyValidUntil(client, apiKey, parsed!.prefix, now) })).find((m) => m.validUntil !== null);
    if (!match) throw ApiClientErrors.unauthenticated(NO_HINT);
    const { client } = match;
    const authenticated: AuthenticatedClient = {
      identity: { clientId: client.clientId, kind: client.kind, agencyCodes: client.agencyCodes, roles: effectiveRoles(client) },
      rateLimits: client.rateLimits ?? undefined,
    };
    this.cache.set(apiKey, authenticated, now.getTime(), match.validUntil ?? undefined);
    return authenticated;
  }
}

/** Until when `apiKey` authenticates `client` (Infinity: no end), or null if it does not. */
function keyValidUntil(client: ApiClientEntity, apiKey: string, prefix: string, now: Date): number | null {
  if (!client.active) return null;
  const clientEnd = client.expiresAt ? client.expiresAt.getTime() : Infinity;
  if (clientEnd <= now.getTime()) return null;
  if (client.keyPrefix === prefix && apiKeyMatches(apiKey, client.keyHash)) return clientEnd;
  const graceEnd = client.previousKeyExpiresAt?.getTime() ?? 0;
  if (client.previousKeyPrefix === prefix && client.previousKeyHash && graceEnd > now.getTime() && apiKeyMatches(apiKey, client.previousKeyHash)) {
    return Math.min(clientEnd, graceEnd);
  }
  return null;
}
