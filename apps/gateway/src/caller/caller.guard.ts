import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRequiredRoles, requestContextFor } from '@hub/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routeClassOf } from '../rate-limit/rate-limit-rules';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { CallerAuthentication, credentialsOf } from './caller-authentication';

/**
 * For the gateway's own endpoints (administration): the caller is the API client, authenticated here by its access
 * token or API key rather than by a signed header, limited like on any forwarded route (its read or write class,
 * its overrides), then held to the route's `@RequireRoles`.
 */
@Injectable()
export class CallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerAuthentication,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { identity, rateLimits } = await this.callers.authenticate(credentialsOf(request.headers));
    const ctx = requestContextFor(request);
    ctx.identity = identity;
    const limitHeaders = await this.limiter.check({ routeClass: routeClassOf(request.method, false, false), subject: identity.clientId, overrides: rateLimits });
    void context.switchToHttp().getResponse<FastifyReply>().headers(limitHeaders);
    assertRequiredRoles(this.reflector, context, identity);
    return true;
  }
}
