import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { requestContextFor, requestContextOf, type EventTrace, type RequestContext } from '../context/request-context';
import { problem } from '../errors/problems';
import type { CallerIdentity } from './caller-identity';

export const IS_PUBLIC_KEY = 'hub:public';
export const REQUIRED_ROLES_KEY = 'hub:required-roles';

/** Route or controller reachable without a caller identity (health, metrics, public lookups). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Caller must hold at least one of the roles; on a handler it replaces the controller's requirement. */
export const RequireRoles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES_KEY, roles);

/** The verified caller of the current request. */
export const Caller = createParamDecorator((_data: unknown, ctx: ExecutionContext): CallerIdentity => {
  const identity = requestContextOf(ctx.switchToHttp().getRequest<object>())?.identity;
  // Only reachable on @Public() routes, where no identity was checked.
  if (!identity) throw problem(401, 'IDENTITY_MISSING');
  return identity;
});

/** The current request's context (correlation id, and the caller once a guard verified it), for a handler to pass on. */
export const RequestContextParam = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestContext => requestContextFor(ctx.switchToHttp().getRequest<object>()));

/** The current request's trace (its correlation id), for a command whose use case writes events. */
export const Trace = createParamDecorator((_data: unknown, ctx: ExecutionContext): EventTrace => ({ correlationId: requestContextFor(ctx.switchToHttp().getRequest<object>()).correlationId }));
