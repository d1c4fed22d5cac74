import type { FastifyInstance } from 'fastify';
import type { JsonBudget } from './json-budget';
import { assertWithinJsonBudget } from './body-problems';

export const JSON_MEDIA_TYPE = 'application/json';

/**
 * `application/json` is the only body type a service takes unless a route registers its own parser (the
 * catalogue import's NDJSON): Fastify's `text/plain` parser goes, so any other type answers 415. JSON bodies
 * are checked against the budget on their raw bytes before Fastify's own parser (which keeps its
 * prototype-poisoning protection) turns them into objects.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, budget: JsonBudget): void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parse = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'buffer' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? Buffer.from(raw) : raw;
    try {
      assertWithinJsonBudget(body, budget);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parse(request, body.toString('utf8'), done);
  });
}
