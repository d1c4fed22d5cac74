import { createHash, randomUUID } from 'node:crypto';
import { ed25519Sign, ed25519Verify } from '../crypto/ed25519';
import { problem } from '../errors/problems';
import { CALLER_KINDS, CallerIdentity, CallerKind } from './caller-identity';
import type { IdentityPublicKeys, IdentitySigningKey } from './identity-keys';
import type { IdentityReplayCache } from './identity-replay-cache';

/** Header in which the gateway passes the verified caller to services. */
export const IDENTITY_HEADER = 'x-hub-identity';

/** Lifetime of one signed identity: long enough for one hop, too short to be worth capturing. */
export const DEFAULT_IDENTITY_TTL_MS = 5_000;
/** Clocks of the gateway and a service may differ by this much. */
export const IDENTITY_CLOCK_SKEW_MS = 2_000;
const MAX_TTL_MS = 30_000;
const VERSION = 'v3';
/**
 * v2 carried the path itself (`pth`), so the header grew by 4/3 of the URL: a URL within the gateway's limit
 * (`MAX_URL_BYTES`) could make the forwarded request line and headers exceed a service's 16 KiB, which the service
 * then refused (431). v3 carries the path's SHA-256 (`phs`). Still verified, so that services can be upgraded before
 * the gateway; never signed.
 */
const PREVIOUS_VERSION = 'v2';

// Far above any real identity; stops oversized headers before any decoding work.
const MAX_TOKEN_LENGTH = 8192;

/** What one identity is bound to: the service it is for and the one request it authorises. */
export interface IdentityBinding {
  /** The target service (`catalogue`, `dossier`, ...). */
  audience: string;
  method: string;
  /** Path and query exactly as sent (`/v1/dossiers?limit=10`). */
  path: string;
}

interface Claims extends CallerIdentity {
  aud: string;
  mth: string;
  /** The SHA-256 of the path with its query, base64url (v2's `pth`, the path itself, is read as its digest). */
  phs: string;
  jti: string;
  iat: number;
  exp: number;
}

/**
 * `v3.<kid>.<base64url(JSON claims)>.<base64url(Ed25519 signature of the first three parts)>`; the claims carry the
 * caller, audience, method, the SHA-256 of the path (its size does not grow with the URL), a unique id and the issue
 * and expiry times (ms).
 */
export function signIdentity(
  identity: CallerIdentity,
  key: IdentitySigningKey,
  binding: IdentityBinding,
  now: number = Date.now(),
  ttlMs: number = DEFAULT_IDENTITY_TTL_MS,
): string {
  const claims: Claims = {
    clientId: identity.clientId,
    kind: identity.kind,
    agencyCodes: identity.agencyCodes,
    roles: identity.roles,
    aud: binding.audience,
    mth: binding.method.toUpperCase(),
    phs: pathDigest(binding.path),
    jti: randomUUID(),
    iat: now,
    exp: now + ttlMs,
  };
  const signed = `${VERSION}.${key.kid}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}`;
  return `${signed}.${ed25519Sign(Buffer.from(signed, 'utf8'), key.privateKey).toString('base64url')}`;
}

export interface VerifyIdentityOptions {
  keys: IdentityPublicKeys;
  binding: IdentityBinding;
  now?: number;
  /** Remembers the ids seen until they expire: a second use of one header is refused. */
  replayCache?: IdentityReplayCache;
}

export function verifyIdentity(header: string, options: VerifyIdentityOptions): CallerIdentity {
  const now = options.now ?? Date.now();
  const parts = header.length <= MAX_TOKEN_LENGTH ? header.split('.') : [];
  if (parts.length !== 4 || (parts[0] !== VERSION && parts[0] !== PREVIOUS_VERSION)) throw invalid('The identity header is malformed.');
  const [version, kid, payload, signature] = parts;
  const key = options.keys.get(kid);
  if (!key) throw invalid('The identity is signed with an unknown key.');
  const signatureBytes = Buffer.from(signature, 'base64url');
  // Comparing the canonical encoding also rejects alternative encodings of a valid signature.
  if (signatureBytes.toString('base64url') !== signature || !ed25519Verify(Buffer.from(`${version}.${kid}.${payload}`, 'utf8'), signatureBytes, key)) {
    throw invalid('The identity signature does not match.');
  }

  const claims = parseClaims(payload, version);
  if (!claims) throw invalid('The identity claims are malformed.');
  const { binding } = options;
  if (claims.aud !== binding.audience) throw invalid('The identity is meant for another service.');
  if (claims.mth !== binding.method.toUpperCase() || claims.phs !== pathDigest(binding.path)) throw invalid('The identity was issued for another request.');
  if (claims.iat > now + IDENTITY_CLOCK_SKEW_MS || claims.exp < claims.iat || claims.exp - claims.iat > MAX_TTL_MS) {
    throw invalid('The identity times are not plausible.');
  }
  if (now > claims.exp + IDENTITY_CLOCK_SKEW_MS) {
    throw problem(401, 'IDENTITY_EXPIRED', { detail: 'The identity header is outside its validity window.' });
  }
  if (options.replayCache && !options.replayCache.remember(claims.jti, claims.exp + IDENTITY_CLOCK_SKEW_MS, now)) {
    throw problem(401, 'IDENTITY_REPLAYED', { detail: 'This identity header was already used.' });
  }
  return { clientId: claims.clientId, kind: claims.kind, agencyCodes: claims.agencyCodes, roles: claims.roles };
}

function invalid(detail: string) {
  return problem(401, 'IDENTITY_INVALID', { detail });
}

/** The path with its query as the claims bind it: SHA-256, base64url (43 characters). */
function pathDigest(path: string): string {
  return createHash('sha256').update(path, 'utf8').digest('base64url');
}

function parseClaims(payload: string, version: string): Claims | undefined {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { clientId, kind, agencyCodes, roles, aud, mth, pth, phs: digest, jti, iat, exp } = claims as Record<string, unknown>;
  // A v2 identity carries the path itself: read as its digest, it is checked as a v3 one is.
  const phs = version === PREVIOUS_VERSION ? (typeof pth === 'string' ? pathDigest(pth) : undefined) : digest;
  const valid =
    typeof clientId === 'string' &&
    clientId !== '' &&
    CALLER_KINDS.includes(kind as CallerKind) &&
    isStringArray(agencyCodes) &&
    isStringArray(roles) &&
    typeof aud === 'string' &&
    typeof mth === 'string' &&
    typeof phs === 'string' &&
    typeof jti === 'string' &&
    jti.length >= 16 &&
    jti.length <= 64 &&
    isTime(iat) &&
    isTime(exp);
  return valid ? { clientId, kind: kind as CallerKind, agencyCodes, roles, aud, mth, phs, jti, iat, exp } : undefined;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
