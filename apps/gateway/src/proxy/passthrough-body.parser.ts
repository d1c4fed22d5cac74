import type { FastifyInstance } from 'fastify';
import { errorCodes } from 'fastify';
import { bodyTooLargeProblem, findJsonBudgetViolation, JSON_MEDIA_TYPE, jsonBudgetProblem, type JsonBudget } from '@hub/platform';
import { acceptsLargeBody, PROXY_PATH } from './upstream-routes';

export interface BodyLimits {
  defaultBytes: number;
  largeBytes: number;
  /** The services' own JSON budget, enforced here first so that a hostile body never crosses the hop. */
  json: JsonBudget;
}

/** `application/json`, `application/<anything>+json` and NDJSON: bodies the services parse as JSON. */
const JSON_LIKE = /^application\/(?:json|x-ndjson|[\w.-]+\+json)$/;

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
/** The OAuth2 token endpoint takes a form (RFC 6749 §4.4.2), as well as JSON. */
const FORM_ROUTES = new Set(['/oauth/token']);

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Bodies of forwarded requests stay raw bytes: the owning service parses and validates them, and the
 * gateway neither pays for parsing nor changes a byte; a JSON body is only scanned against the budget (one
 * pass, no allocation). The gateway's own endpoints take JSON only, parsed within the same budget.
 */
export function registerPassthroughBodyParser(fastify: FastifyInstance, limits: BodyLimits): void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: Math.max(limits.defaultBytes, limits.largeBytes) }, (request, raw, done) => {
    const body = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const limit = acceptsLargeBody(request.url) ? limits.largeBytes : limits.defaultBytes;
    if (body.length > limit) return done(bodyTooLargeProblem(limit), undefined);
    const mediaType = mediaTypeOf(request.headers['content-type']);
    // Through the proxy route, bytes go on (to a service, or to the proxy's 404 if no service owns the path).
    const proxied = request.routeOptions.url === `/${PROXY_PATH}`;
    if (!proxied && mediaType === FORM_MEDIA_TYPE && FORM_ROUTES.has(request.routeOptions.url ?? '')) {
      return done(null, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
    }
    if (!proxied && mediaType !== JSON_MEDIA_TYPE) return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(mediaType || '(none)'), undefined);
    const violation = JSON_LIKE.test(mediaType) ? findJsonBudgetViolation(body, limits.json) : undefined;
    if (violation) return done(jsonBudgetProblem(violation), undefined);
    if (proxied) return done(null, body);
    parseJson(request, body.toString('utf8'), done);
  });
}
