import { CORRELATION_ID_HEADER, problem, requestContextOf } from '@hub/platform';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicyFor, corsHeaders, hasPathTricks, isSpoofableHeader, SECURITY_HEADERS } from './door-rules';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface DoorOptions {
  corsOrigins: readonly string[];
}

/**
 * What every request and answer goes through at the gateway: spoofable headers dropped, path tricks refused,
 * CORS for configured origins only, security headers and a request id on every answer (problems included).
 */
export function registerDoorHooks(fastify: FastifyInstance, options: DoorOptions): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const name of Object.keys(request.headers)) if (isSpoofableHeader(name)) delete request.headers[name];
    const path = request.url.split('?')[0];
    void reply.headers(SECURITY_HEADERS).header('content-security-policy', contentSecurityPolicyFor(path));
    void reply.header(REQUEST_ID_HEADER, requestContextOf(request)?.correlationId ?? reply.getHeader(CORRELATION_ID_HEADER));
    const origin = request.headers.origin;
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    const cors = corsHeaders(origin, options.corsOrigins, preflight);
    if (cors) void reply.headers(cors);
    if (preflight) {
      void reply.code(cors ? 204 : 403).send();
      return;
    }
    // On the forwarded /v1 paths: a service would decode what the gateway routed. Other paths are served here.
    if (path.startsWith('/v1/') && hasPathTricks(request.url)) return done(problem(400, 'MALFORMED_URL', { detail: 'Encoded slashes, backslashes and dot segments are not accepted in paths.' }));
    done();
  });
}
