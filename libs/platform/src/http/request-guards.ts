import type { FastifyInstance, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';
import { problem } from '../errors/problems';

export interface RequestGuardOptions {
  /** Longest request target (path and query) accepted; longer → 414. */
  maxUrlBytes: number;
}

/**
 * Refusals Fastify does not make itself, raised as problems so that the exception filter renders them:
 * 414 for an over-long URL, 405 (with `Allow`) for a path that exists under other methods. Must be registered
 * before any route, since it indexes routes as they are added.
 */
export function registerRequestGuards(fastify: FastifyInstance, options: RequestGuardOptions): void {
  const methodsAt = routeMethodIndex(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (Buffer.byteLength(request.url) > options.maxUrlBytes) {
      return done(problem(414, 'URI_TOO_LONG', { detail: `The URL exceeds ${options.maxUrlBytes} bytes (MAX_URL_BYTES).`, extensions: { limit: options.maxUrlBytes } }));
    }
    // A catch-all route (the gateway's proxy) must not hide a more specific path served under other methods.
    const methods = request.is404 || request.routeOptions.url?.endsWith('*') ? methodsAt(request) : undefined;
    if (methods && !methods.has(request.method)) {
      const allowed = [...methods].sort().join(', ');
      void reply.header('allow', allowed);
      return done(problem(405, 'METHOD_NOT_ALLOWED', { detail: `${request.method} is not allowed here; allowed: ${allowed}.` }));
    }
    done();
  });
}

/** The methods of the most specific route pattern matching a request's path (Fastify's own router, by path only). */
function routeMethodIndex(fastify: FastifyInstance): (request: FastifyRequest) => ReadonlySet<string> | undefined {
  const { ignoreTrailingSlash, ignoreDuplicateSlashes, caseSensitive } = fastify.initialConfig;
  const router = FindMyWay({ ignoreTrailingSlash, ignoreDuplicateSlashes, caseSensitive });
  const methodsByPattern = new Map<string, Set<string>>();
  fastify.addHook('onRoute', (route) => {
    let methods = methodsByPattern.get(route.url);
    if (!methods) {
      methods = new Set<string>();
      methodsByPattern.set(route.url, methods);
      router.on('GET', route.url, () => undefined, methods);
    }
    for (const method of [route.method].flat()) methods.add(method);
    if (methods.has('GET')) methods.add('HEAD');
  });
  return (request) => router.find('GET', request.url.split('?')[0])?.store as Set<string> | undefined;
}
