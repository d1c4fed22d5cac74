import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRequiredRoles, bindRequestContext, newCorrelationId, requestContextOf } from '@hub/platform';
import type { FastifyRequest } from 'fastify';
import { AuthenticateClientUseCase } from './usecases/authenticate-client/authenticate-client.usecase';

/** For the gateway's own endpoints: the caller is the API client, checked here rather than by a signed header. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateClientUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['x-api-key'];
    const { identity } = await this.authenticate.execute(Array.isArray(key) ? key[0] : key);
    const ctx = requestContextOf(request) ?? bindRequestContext(request, { correlationId: newCorrelationId() });
    ctx.identity = identity;
    assertRequiredRoles(this.reflector, context, identity);
    return true;
  }
}
