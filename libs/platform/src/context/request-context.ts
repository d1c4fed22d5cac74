import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CallerIdentity } from '../identity/caller-identity';

export interface RequestContext {
  correlationId: string;
  causationId?: string;
  identity?: CallerIdentity;
}

/**
 * The ambient context: what code deep in a call (the outbox writer stamping an event's correlation, a log line) sees
 * without being handed it. Services open it around each request (`ServiceAppOptions.ambientContext`, on by default)
 * and each consumed event. On Node 20 an open AsyncLocalStorage makes every promise of the process run a hook, so a
 * service that needs none (the gateway: no events) keeps it closed and passes the request's context explicitly; the
 * request's own context is always on the request (`requestContextFor`).
 */
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

/** The request's context; a request the hooks did not see (a test's bare handler) gets one with a fresh id. */
export function requestContextFor(request: object): RequestContext {
  return requestContexts.get(request) ?? bindRequestContext(request, { correlationId: newCorrelationId() });
}

export const CORRELATION_ID_HEADER = 'x-correlation-id';
