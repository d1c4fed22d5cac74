import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { requestContextFor } from '../context/request-context';
import { problem } from '../errors/problems';
import { holdsRole } from './access-policy';
import { IS_PUBLIC_KEY, REQUIRED_ROLES_KEY } from './identity.decorators';
import type { CallerIdentity } from './caller-identity';
import { SERVICE_NAME } from '../bootstrap/service-name.token';
import type { IdentityPublicKeys, IdentitySigningKey } from './identity-keys';
import { IdentityReplayCache } from './identity-replay-cache';
import { IDENTITY_HEADER, verifyIdentity } from './identity-token';

/** Injection token of the Ed25519 public keys (by key id) that verify `x-hub-identity`. */
export const IDENTITY_PUBLIC_KEYS = 'IDENTITY_PUBLIC_KEYS';
/** Injection token of the gateway's Ed25519 signing key (`null` in every other service). */
export const IDENTITY_SIGNING_KEY = 'IDENTITY_SIGNING_KEY';
export type IdentitySigner = IdentitySigningKey | null;

/**
 * Defence in depth: a service re-verifies the gateway's signed identity instead of trusting a bare header: signed by
 * the gateway's key, for this service, this method and path, within its lifetime, and not used before.
 */
@Injectable()
export class IdentityGuard implements CanActivate {
  private readonly replayCache = new IdentityReplayCache();

  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_PUBLIC_KEYS) private readonly keys: IdentityPublicKeys,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[IDENTITY_HEADER];
    if (header === undefined || header === '') throw problem(401, 'IDENTITY_MISSING');
    if (typeof header !== 'string') throw problem(401, 'IDENTITY_INVALID', { detail: 'Send exactly one identity header.' });
    const identity = verifyIdentity(header, {
      keys: this.keys,
      binding: { audience: this.service, method: request.method, path: request.url },
      replayCache: this.replayCache,
    });

    const requestContext = requestContextFor(request);
    requestContext.identity = identity;

    assertRequiredRoles(this.reflector, context, identity);
    return true;
  }
}

/**
 * Enforces `@RequireRoles(...)` of the handler (or its controller): the caller needs at least one of them, and its
 * kind must be one that may hold it (access-policy.ts): a role stored on a client of the wrong kind grants nothing.
 */
export function assertRequiredRoles(reflector: Reflector, context: ExecutionContext, identity: CallerIdentity): void {
  const roles = reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES_KEY, [context.getHandler(), context.getClass()]);
  if (roles && roles.length > 0 && !roles.some((role) => holdsRole(identity, role))) {
    throw problem(403, 'FORBIDDEN', { detail: `Requires one of the roles: ${roles.join(', ')}.` });
  }
}
