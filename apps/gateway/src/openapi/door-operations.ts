import type { OpenAPIObject, OperationObject, SecurityRequirementObject } from '@nestjs/swagger';
import { API_KEY_SECURITY_SCHEME, PROBLEM_CONTENT_TYPE } from '@hub/platform';
import { acceptsIdempotencyKey, requiresIdempotencyKey } from '../idempotency/idempotency-rules';
import { routeFor } from '../proxy/upstream-routes';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

export const OAUTH2_SECURITY_SCHEME = 'oauth2';
/** Either way in: an API key or an OAuth2 client-credentials token (the same identity). */
export const CALLER_SECURITY: SecurityRequirementObject[] = [{ [API_KEY_SECURITY_SCHEME]: [] }, { [OAUTH2_SECURITY_SCHEME]: [] }];
/** Open to anyone; a caller who sends credentials is authenticated (and limited) as that client. */
const OPTIONAL_SECURITY: SecurityRequirementObject[] = [{}, ...CALLER_SECURITY];

const problemResponse = (description: string, headers?: Record<string, object>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const RATE_LIMIT_HEADERS = {
  RateLimit: { description: 'IETF draft: remaining requests and seconds until the bucket is full, e.g. "write";r=12;t=3', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'IETF draft: the limit and its window, e.g. "write";q=3000;w=60', schema: { type: 'string' } },
};

/** Anyone may call it without credentials: public catalogue reads, the public lookup, providers' callbacks. */
function isOpen(verb: string, path: string): boolean {
  const route = routeFor(path);
  return !!route && ((route.publicRead && (verb === 'GET' || verb === 'HEAD')) || route.publicWrite === true);
}

/**
 * What the door adds to every `/v1` operation: its security (either credential; optional on open routes), the
 * 400/401/403/429 problems with the rate-limit headers, and on forwarded operations the upstream 502/504, the
 * `Idempotency-Key` header (required where a blind retry is unsafe) with its 409 and 422. An operation's own
 * description of a status wins.
 */
export function describeDoor(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describeOperation(operation, method.toUpperCase(), path);
    }
  }
  return document;
}

function describeOperation(operation: OperationObject, verb: string, path: string): void {
  const open = isOpen(verb, path);
  const forwarded = routeFor(path) !== undefined;
  const required = forwarded && acceptsIdempotencyKey(verb) && requiresIdempotencyKey(verb, path);
  operation.security = open ? OPTIONAL_SECURITY : (operation.security ?? CALLER_SECURITY);
  const invalid = 'VALIDATION_FAILED (field errors), MALFORMED_JSON or MALFORMED_URL (encoded slashes, dot segments)';
  operation.responses['400'] ??= problemResponse(required ? `IDEMPOTENCY_KEY_REQUIRED, or ${invalid}` : invalid);
  operation.responses['401'] ??= problemResponse('UNAUTHENTICATED: credentials missing, invalid, expired or revoked (the same answer whatever was wrong)');
  if (!open) operation.responses['403'] ??= problemResponse('FORBIDDEN: the caller lacks the role, or its scope does not cover the resource');
  operation.responses['429'] ??= problemResponse('RATE_LIMITED', { 'Retry-After': { schema: { type: 'integer' } }, ...RATE_LIMIT_HEADERS });
  if (!forwarded) return;
  operation.responses['502'] ??= problemResponse('UPSTREAM_UNAVAILABLE: the owning service could not be reached');
  operation.responses['504'] ??= problemResponse('UPSTREAM_TIMEOUT: the owning service did not answer in time');
  if (!acceptsIdempotencyKey(verb)) return;
  operation.parameters = [
    ...(operation.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'Idempotency-Key'),
    {
      name: 'Idempotency-Key',
      in: 'header',
      required,
      description: `${required ? 'Required' : 'Optional'}: a unique key (1–255 printable characters); a retry with it gets the first answer back (Idempotent-Replayed: true) for 24 h.`,
      schema: { type: 'string', example: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
    },
  ];
  operation.responses['409'] ??= problemResponse('IDEMPOTENCY_REQUEST_IN_FLIGHT: the first request with this key still runs');
  operation.responses['422'] ??= problemResponse('IDEMPOTENCY_KEY_REUSED: the key was used for another request');
}
