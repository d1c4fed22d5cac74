import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { bindRequestContext, CORRELATION_ID_HEADER, newCorrelationId, requestContextOf } from '../context/request-context';
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

/** Binds each request's context (its correlation id, echoed in the answer) to the request, and logs its completion. */
export function registerRequestHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = correlationIdOf(request.headers);
    bindRequestContext(request, { correlationId });
    void reply.header(CORRELATION_ID_HEADER, correlationId);
    done();
  });

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
