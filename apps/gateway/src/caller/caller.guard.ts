import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRequiredRoles, bindRequestContext, newCorrelationId, requestContextOf } from '@hub/platform';
import type { FastifyRequest } from 'fastify';
import { CallerAuthentication, credentialsOf } from './caller-authentication';

/**
 * For the gateway's own endpoints (administration): the caller is the API client, authenticated here by its access
 * token or API key rather than by a signed header, then held to the route's `@RequireRoles`.
 */
@Injectable()
export class CallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerAuthentication,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { identity } = await this.callers.authenticate(credentialsOf(request.headers));
    const ctx = requestContextOf(request) ?? bindRequestContext(request, { correlationId: newCorrelationId() });
    ctx.identity = identity;
    assertRequiredRoles(this.reflector, context, identity);
    return true;
  }
}
