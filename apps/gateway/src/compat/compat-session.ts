import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Sessions of the compatibility endpoint: `dvcqg.<payload>.<mac>`, an HMAC-SHA256-signed token (client id, expiry,
 * nonce) under a key derived from the identity signing key that every gateway replica shares, so any replica
 * accepts it and nothing is stored. Whether the client is still active, and its agencies and roles, are read again
 * on each call (SessionClients), so disabling a client stops its sessions.
 */
export interface SessionClaims {
  clientId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const PREFIX = 'dvcqg';

/** The sessions' HMAC key, derived (with its own label) from the gateway's identity signing key. */
export function sessionKeyFrom(identitySigningKey: string | undefined): Buffer {
  if (!identitySigningKey) throw new Error('The gateway needs IDENTITY_SIGNING_KEY (an Ed25519 key: node tools/hub/identity-keys.mjs)');
  return createHmac('sha256', identitySigningKey).update('hub/dvcqg-session/v1').digest();
}

export function issueSession(clientId: string, ttlSeconds: number, key: Buffer, now = Date.now()): { session: string; expiresAt: number } {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  const payload = Buffer.from(JSON.stringify({ c: clientId, e: expiresAt, n: randomBytes(9).toString('base64url') })).toString('base64url');
  return { session: `${PREFIX}.${payload}.${mac(payload, key)}`, expiresAt };
}

/** The claims of a genuine, unexpired session; undefined for anything else (malformed, forged, expired). */
export function verifySession(session: unknown, key: Buffer, now = Date.now()): SessionClaims | undefined {
  if (typeof session !== 'string' || session.length > 512) return undefined;
  const [prefix, payload, signature, extra] = session.split('.');
  if (prefix !== PREFIX || !payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c?: unknown; e?: unknown };
    if (typeof claims.c !== 'string' || typeof claims.e !== 'number' || claims.e * 1000 <= now) return undefined;
    return { clientId: claims.c, expiresAt: claims.e };
  } catch {
    return undefined;
  }
}

function mac(payload: string, key: Buffer): string {
  return createHmac('sha256', key).update(`${PREFIX}.${payload}`).digest('base64url');
}
