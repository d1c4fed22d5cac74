import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { bindRequestContext, newCorrelationId, problem, requestContextOf, REQUIRED_ROLES_KEY } from '@hub/platform';
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
    const identity = await this.authenticate.execute(Array.isArray(key) ? key[0] : key);
    const ctx = requestContextOf(request) ?? bindRequestContext(request, { correlationId: newCorrelationId() });
    ctx.identity = identity;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles?.length && !roles.some((r) => identity.roles.includes(r))) {
      throw problem(403, 'FORBIDDEN', { detail: `Requires one of the roles: ${roles.join(', ')}.` });
    }
    return true;
  }
}
