import { createHmac, timingSafeEqual } from 'node:crypto';
import { problem } from '../errors/problems';
import { CALLER_KINDS, CallerIdentity, CallerKind } from './caller-identity';

/** Header in which the gateway passes the verified caller to services. */
export const IDENTITY_HEADER = 'x-hub-identity';

export const DEFAULT_IDENTITY_MAX_AGE_MS = 60_000;

// Far above any real identity; stops oversized headers before any decoding work.
const MAX_TOKEN_LENGTH = 8192;

/** `base64url(JSON with issuedAt) + '.' + base64url(HMAC-SHA256(key, first part))`. */
export function signIdentity(identity: CallerIdentity, key: string, now: number = Date.now()): string {
  const claims = {
    clientId: identity.clientId,
    kind: identity.kind,
    agencyCodes: identity.agencyCodes,
    roles: identity.roles,
    issuedAt: now,
  };
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

export function verifyIdentity(
  header: string,
  key: string,
  now: number = Date.now(),
  maxAgeMs: number = DEFAULT_IDENTITY_MAX_AGE_MS,
): CallerIdentity {
  const parts = header.length <= MAX_TOKEN_LENGTH ? header.split('.') : [];
  if (parts.length !== 2) throw invalid('The identity header is malformed.');
  const [payload, signature] = parts;

  // Comparing the canonical encoding (not decoded bytes) also rejects alternative encodings of a valid MAC.
  const expected = Buffer.from(mac(payload, key), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('The identity signature does not match.');
  }

  const claims = parseClaims(payload);
  if (!claims) throw invalid('The identity claims are malformed.');
  if (Math.abs(now - claims.issuedAt) > maxAgeMs) {
    throw problem(401, 'IDENTITY_EXPIRED', { detail: 'The identity header is outside its validity window.' });
  }
  return { clientId: claims.clientId, kind: claims.kind, agencyCodes: claims.agencyCodes, roles: claims.roles };
}

function mac(payload: string, key: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

function invalid(detail: string) {
  return problem(401, 'IDENTITY_INVALID', { detail });
}

function parseClaims(payload: string): (CallerIdentity & { issuedAt: number }) | undefined {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { clientId, kind, agencyCodes, roles, issuedAt } = claims as Record<string, unknown>;
  const valid =
    typeof clientId === 'string' &&
    clientId !== '' &&
    CALLER_KINDS.includes(kind as CallerKind) &&
    isStringArray(agencyCodes) &&
    isStringArray(roles) &&
    typeof issuedAt === 'number' &&
    Number.isFinite(issuedAt);
  return valid ? { clientId, kind: kind as CallerKind, agencyCodes, roles, issuedAt } : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
