import type { FastifyInstance } from 'fastify';
import { httpRequestDuration } from './metrics-registry';

// Unmatched URLs share one label value so scanners cannot blow up the series count.
const UNMATCHED_ROUTE = 'unmatched';

export function registerHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
