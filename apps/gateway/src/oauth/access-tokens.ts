import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { effectiveRoles, type CallerIdentity, type CallerKind } from '@hub/platform';
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ApiClientRepository } from '../api-client/api-client.repository';
import type { AuthenticatedClient } from '../api-client/authenticated-key-cache';
import type { ClientChangeListener } from '../client-changes/client-change-listeners';
import { ClientChanges } from '../client-changes/client-changes';
import type { RateLimitOverrides } from '../rate-limit/rate-limit-rules';
import { OAuthErrors } from './oauth.errors';
import { OAUTH_OPTIONS, TokenSigningKeys, type OAuthOptions } from './token-signing-keys';

interface HubClaims extends JWTPayload {
  kind: CallerKind;
  agency_codes: string[];
  roles: string[];
  scope: string;
}

const MAX_CLIENT_STATUSES = 10_000; // per cache: client states, verified tokens

/** Short-lived EdDSA access tokens (RFC 9068 shape); verification also checks that the client is still active. */
@Injectable()
export class AccessTokens implements ClientChangeListener {
  private readonly verifyKeys: ReturnType<typeof createLocalJWKSet>;
  private readonly clientStatus = new Map<string, { active: boolean; rateLimits?: RateLimitOverrides; until: number }>();
  /** Tokens verified recently: a signature check per request is the costliest part of the hot path. */
  private readonly verified = new Map<string, { client: AuthenticatedClient; until: number }>();

  constructor(
    private readonly keys: TokenSigningKeys,
    private readonly clients: ApiClientRepository,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
    changes: ClientChanges,
  ) {
    this.verifyKeys = createLocalJWKSet(keys.jwks());
    changes.register(this);
  }

  async issue(identity: CallerIdentity, roles: string[]): Promise<{ token: string; expiresIn: number }> {
    const { privateKey, publicJwk } = this.keys.active;
    const claims: HubClaims = { kind: identity.kind, agency_codes: identity.agencyCodes, roles, scope: roles.join(' ') };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: publicJwk.kid, typ: 'at+jwt' })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(identity.clientId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.options.tokenTtlSeconds}s`)
      .sign(privateKey);
    return { token, expiresIn: this.options.tokenTtlSeconds };
  }

  /** The caller a bearer token stands for; any fault (signature, alg, audience, expiry, disabled client) is the same 401. */
  async authenticate(token: string): Promise<AuthenticatedClient> {
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached && cached.until > now) return cached.client;
    const client = await this.verify(token);
    // Kept no longer than the token lives, nor than the client's state is trusted (disabled clients stop in time).
    const until = Math.min(now + this.options.clientStatusTtlMs, client.expiresAt);
    if (this.verified.size >= MAX_CLIENT_STATUSES) this.verified.clear();
    this.verified.set(token, { client: client.authenticated, until });
    return client.authenticated;
  }

  /** A client change (disabled, new rate limits) on any replica reaches its tokens here at once (ClientChanges); within clientStatusTtlMs while Redis is down. */
  forgetClient(clientId: string): void {
    this.clientStatus.delete(clientId);
    for (const [token, entry] of this.verified) if (entry.client.identity.clientId === clientId) this.verified.delete(token);
  }

  forgetAll(): void {
    this.clientStatus.clear();
    this.verified.clear();
  }

  private async verify(token: string): Promise<{ authenticated: AuthenticatedClient; expiresAt: number }> {
    let claims: HubClaims;
    try {
      const verified = await jwtVerify<HubClaims>(token, this.verifyKeys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['EdDSA'],
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'jti'],
      });
      claims = verified.payload;
    } catch {
      throw OAuthErrors.badToken();
    }
    const status = await this.statusOf(claims.sub!);
    if (!status.active) throw OAuthErrors.badToken();
    const identity = { clientId: claims.sub!, kind: claims.kind, agencyCodes: claims.agency_codes, roles: effectiveRoles({ kind: claims.kind, roles: claims.roles }) };
    return { authenticated: { identity, rateLimits: status.rateLimits }, expiresAt: claims.exp! * 1000 };
  }

  private async statusOf(clientId: string): Promise<{ active: boolean; rateLimits?: RateLimitOverrides }> {
    const now = Date.now();
    const cached = this.clientStatus.get(clientId);
    if (cached && cached.until > now) return cached;
    const client = await this.clients.findById(clientId);
    const expired = !!client?.expiresAt && client.expiresAt.getTime() <= now;
    const status = { active: (client?.active ?? false) && !expired, rateLimits: client?.rateLimits ?? undefined, until: now + this.options.clientStatusTtlMs };
    if (this.clientStatus.size >= MAX_CLIENT_STATUSES) this.clientStatus.clear();
    this.clientStatus.set(clientId, status);
    return status;
  }
}
