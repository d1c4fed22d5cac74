import { createHash } from 'node:crypto';

/** The IETF draft leaves the format open; printable ASCII without spaces, at most 255 characters, is what Stripe takes. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Unsafe methods that may carry an `Idempotency-Key`. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that must not be retried blindly: the header is required on them. */
const REQUIRED: readonly { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/v1\/payments$/ },
  { method: 'POST', path: /^\/v1\/payments\/[^/]+\/refunds$/ },
  { method: 'POST', path: /^\/v1\/dossiers\/[^/]+\/notices$/ },
];

export function acceptsIdempotencyKey(method: string): boolean {
  return UNSAFE.has(method);
}

export function requiresIdempotencyKey(method: string, url: string): boolean {
  const path = url.split('?')[0];
  return REQUIRED.some((r) => r.method === method && r.path.test(path));
}

/** What identifies "the same request": method, path with query, and the body's bytes. */
export function requestFingerprint(method: string, url: string, body: Buffer | undefined): string {
  return createHash('sha256').update(`${method} ${url}\n`).update(body ?? Buffer.alloc(0)).digest('hex');
}

export interface StoredAttempt {
  fingerprint: string;
  state: 'in_flight' | 'completed';
}

export type RetryDecision = 'replay' | 'in-flight' | 'mismatch';

/** A key already taken (and not expired or abandoned): what a new request with it gets. */
export function decideRetry(stored: StoredAttempt, fingerprint: string): RetryDecision {
  if (stored.fingerprint !== fingerprint) return 'mismatch';
  return stored.state === 'completed' ? 'replay' : 'in-flight';
}
