import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@hub/platform';
import { acceptsIdempotencyKey, requiresIdempotencyKey } from '../idempotency/idempotency-rules';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

const problemResponse = (description: string, headers?: Record<string, object>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const RATE_LIMIT_HEADERS = {
  RateLimit: { description: 'IETF draft: remaining requests and seconds until the bucket is full, e.g. "write";r=12;t=3', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'IETF draft: the limit and its window, e.g. "write";q=3000;w=60', schema: { type: 'string' } },
};

/**
 * What the door adds to every forwarded `/v1` operation: 401 and 429 problems with the rate-limit headers, the
 * `Idempotency-Key` header (required where a blind retry is unsafe) with its 409 and 422, and the receipt.
 */
export function describeDoor(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const verb = method.toUpperCase();
      operation.responses['401'] ??= problemResponse('UNAUTHENTICATED: credentials missing, invalid, expired or revoked');
      operation.responses['429'] ??= problemResponse('RATE_LIMITED', { 'Retry-After': { schema: { type: 'integer' } }, ...RATE_LIMIT_HEADERS });
      if (!acceptsIdempotencyKey(verb)) continue;
      const required = requiresIdempotencyKey(verb, path);
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
      if (required) operation.responses['400'] ??= problemResponse('IDEMPOTENCY_KEY_REQUIRED, or invalid input');
      operation.responses['409'] ??= problemResponse('IDEMPOTENCY_REQUEST_IN_FLIGHT: the first request with this key still runs');
      operation.responses['422'] ??= problemResponse('IDEMPOTENCY_KEY_REUSED: the key was used for another request');
    }
  }
  return document;
}
