import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CallerIdentity } from '../identity/caller-identity';

export interface RequestContext {
  correlationId: string;
  causationId?: string;
  identity?: CallerIdentity;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function newCorrelationId(): string {
  return randomUUID();
}

// Fastify runs body parsing, error handlers and onResponse hooks outside the async scope opened in onRequest,
// so the context is also kept with the request object itself.
const requestContexts = new WeakMap<object, RequestContext>();

export function bindRequestContext(request: object, ctx: RequestContext): RequestContext {
  requestContexts.set(request, ctx);
  return ctx;
}

export function requestContextOf(request: object): RequestContext | undefined {
  return requestContexts.get(request);
}

export const CORRELATION_ID_HEADER = 'x-correlation-id';
