import type { FastifyInstance } from 'fastify';
import { errorCodes } from 'fastify';
import { acceptsLargeBody, routeFor } from './upstream-routes';

export interface BodyLimits {
  defaultBytes: number;
  largeBytes: number;
}

/**
 * Bodies of forwarded requests stay raw bytes: the owning service parses and validates them, and the
 * gateway neither pays for parsing nor changes a byte. The gateway's own endpoints still get JSON.
 */
export function registerPassthroughBodyParser(fastify: FastifyInstance, limits: BodyLimits): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: Math.max(limits.defaultBytes, limits.largeBytes) }, (request, body, done) => {
    const buffer = body as Buffer;
    const limit = acceptsLargeBody(request.url) ? limits.largeBytes : limits.defaultBytes;
    if (buffer.length > limit) return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), undefined);
    if (routeFor(request.url)) return done(null, buffer);
    if (buffer.length === 0) return done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY(), undefined);
    try {
      done(null, JSON.parse(buffer.toString('utf8')));
    } catch {
      done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    }
  });
}
