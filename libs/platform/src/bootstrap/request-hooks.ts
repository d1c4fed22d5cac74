import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import {
  bindRequestContext,
  CORRELATION_ID_HEADER,
  newCorrelationId,
  requestContextOf,
  runWithContext,
} from '../context/request-context';
import { recordRawRequestError } from '../errors/raw-request-error';

// Anything else (too long, spaces, control characters) could pollute logs, so a fresh id is used instead.
const ACCEPTED_CORRELATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

// Probes and scrapes every few seconds would drown the access log.
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/** The caller's `x-correlation-id` if it is a safe one, else a fresh id. */
export function correlationIdOf(headers: IncomingHttpHeaders): string {
  const incoming = headers[CORRELATION_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTED_CORRELATION_ID.test(incoming) ? incoming : newCorrelationId();
}

/** `ambientContext`: also open the request's context as the ambient scope (see `request-context.ts`). */
export function registerRequestHooks(fastify: FastifyInstance, logger: Logger, { ambientContext }: { ambientContext: boolean }): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = correlationIdOf(request.headers);
    const context = bindRequestContext(request, { correlationId });
    void reply.header(CORRELATION_ID_HEADER, correlationId);
    if (ambientContext) runWithContext(context, () => done());
    else done();
  });

  // The body is read from socket events, which run outside the scope opened in onRequest; re-enter it so
  // guards, pipes and handlers see the context.
  if (ambientContext) {
    fastify.addHook('preValidation', (request, _reply, done) => {
      const context = requestContextOf(request);
      if (context) runWithContext(context, () => done());
      else done();
    });
  }

  fastify.addHook('onError', (request, _reply, error, done) => {
    recordRawRequestError(request, error);
    done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route === undefined || !QUIET_ROUTES.has(route)) {
      const fields = {
        msg: 'Request completed',
        correlationId: requestContextOf(request)?.correlationId,
        method: request.method,
        route: route ?? null,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      };
      logger.info(fields);
    }
    done();
  });
}
