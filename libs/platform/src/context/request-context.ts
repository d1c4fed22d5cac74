import { randomUUID } from 'node:crypto';
import type { CallerIdentity } from '../identity/caller-identity';

/**
 * Where a piece of work comes from, as the events it writes record it: the correlation id of the request (or of the
 * event, or the job) that started the chain, and the id of the event that caused this step, if one did.
 */
export interface EventTrace {
  readonly correlationId: string;
  readonly causationId?: string;
}

/** Who asks, and the trace of the request they ask in: what a command carries of its origin. */
export interface CommandOrigin {
  caller: CallerIdentity;
  trace: EventTrace;
}

export interface RequestContext extends EventTrace {
  identity?: CallerIdentity;
}

/**
 * There is no ambient context: a request's context lives on the request (`requestContextFor`), handlers take it
 * with `@Trace()` or `@RequestContextParam()`, and whatever writes events or log lines on its behalf is handed it.
 * (On Node 20 an AsyncLocalStorage, once run, makes every promise of the process run a hook: 3–6 % of an app's CPU per
 * intake, measured with `npm run bench -- intake-ab`.)
 */
export function newCorrelationId(): string {
  return randomUUID();
}

/** The trace of work that starts a chain of its own (a scheduled job, a start-up task). */
export function newTrace(): EventTrace {
  return { correlationId: newCorrelationId() };
}

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
