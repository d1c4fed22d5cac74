/** Headers only the hub may set: whatever arrives from outside under these names is dropped at the door. */
export function isSpoofableHeader(name: string): boolean {
  return name === 'x-hub-identity' || name === 'forwarded' || name === 'x-real-ip' || name.startsWith('x-forwarded-');
}

/** Encoded slashes or backslashes, and dot segments (plain or encoded), which could reach another resource upstream. */
const PATH_TRICKS = /%2f|%5c|\\|(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

export function hasPathTricks(url: string): boolean {
  return PATH_TRICKS.test(url.split('?')[0]);
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
};

/** An API answers data, never pages: nothing may run. Swagger UI (/docs) needs its own scripts and styles. */
export function contentSecurityPolicyFor(path: string): string {
  return path === '/docs' || path.startsWith('/docs/')
    ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
    : "default-src 'none'; frame-ancestors 'none'";
}

const CORS_ALLOWED_HEADERS = 'authorization, content-type, x-api-key, idempotency-key, x-correlation-id';
const CORS_EXPOSED_HEADERS = 'ratelimit, ratelimit-policy, retry-after, x-hub-receipt, idempotent-replayed, x-correlation-id, x-request-id, sunset, deprecation, link';

/**
 * CORS for the configured origins only. Returns the headers for an allowed origin (plus preflight answers),
 * or undefined: no CORS headers at all, so the browser refuses.
 */
export function corsHeaders(origin: string | undefined, allowedOrigins: readonly string[], preflight: boolean): Record<string, string> | undefined {
  if (!origin || !allowedOrigins.includes(origin)) return undefined;
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'origin', 'access-control-expose-headers': CORS_EXPOSED_HEADERS };
  if (!preflight) return headers;
  return { ...headers, 'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE', 'access-control-allow-headers': CORS_ALLOWED_HEADERS, 'access-control-max-age': '600' };
}
