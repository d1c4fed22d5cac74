import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Keys of the `x-hub-identity` header. Only the gateway holds the Ed25519 private key; every service holds
 * public keys only, so a compromised service cannot mint an identity.
 *
 * - `IDENTITY_SIGNING_KEY` (gateway only): `<kid>:<PKCS#8 DER, base64>`.
 * - `IDENTITY_PUBLIC_KEYS` (every service): comma-separated `<kid>:<SPKI DER, base64>`; during a rotation both the
 *   old and the new key are listed, then the old one is dropped.
 */
export interface IdentitySigningKey {
  kid: string;
  privateKey: KeyObject;
}

export type IdentityPublicKeys = ReadonlyMap<string, KeyObject>;

const KID = /^[A-Za-z0-9._-]{1,64}$/;
export const IDENTITY_KEY_FORMAT = /^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/=]{40,200}$/;
export const IDENTITY_KEY_LIST_FORMAT = /^\s*[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/=]{40,200}\s*(,\s*[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/=]{40,200}\s*)*$/;

function splitKid(entry: string, what: string): [string, Buffer] {
  const at = entry.indexOf(':');
  const kid = entry.slice(0, at).trim();
  if (at < 1 || !KID.test(kid)) throw new Error(`${what}: expected <kid>:<base64 DER>, the key id being 1-64 letters, digits, '.', '_' or '-'`);
  return [kid, Buffer.from(entry.slice(at + 1).trim(), 'base64')];
}

/** Parses `<kid>:<PKCS#8 DER base64>`; anything but an Ed25519 private key (a placeholder, a short secret) throws. */
export function parseIdentitySigningKey(value: string): IdentitySigningKey {
  const [kid, der] = splitKid(value, 'IDENTITY_SIGNING_KEY');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('IDENTITY_SIGNING_KEY: not a PKCS#8 private key (generate one with `node tools/hub/identity-keys.mjs`)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`IDENTITY_SIGNING_KEY: must be an Ed25519 key, got ${privateKey.asymmetricKeyType}`);
  return { kid, privateKey };
}

/** Parses `<kid>:<SPKI DER base64>[,...]`; duplicate key ids and anything but Ed25519 public keys throw. */
export function parseIdentityPublicKeys(value: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of value.split(',').filter((e) => e.trim() !== '')) {
    const [kid, der] = splitKid(entry, 'IDENTITY_PUBLIC_KEYS');
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      throw new Error(`IDENTITY_PUBLIC_KEYS: key ${kid} is not an SPKI public key`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`IDENTITY_PUBLIC_KEYS: key ${kid} must be Ed25519, got ${publicKey.asymmetricKeyType}`);
    if (keys.has(kid)) throw new Error(`IDENTITY_PUBLIC_KEYS: key id ${kid} is listed twice`);
    keys.set(kid, publicKey);
  }
  if (keys.size === 0) throw new Error('IDENTITY_PUBLIC_KEYS: at least one key is needed');
  return keys;
}

/** The public half of a signing key, in the `IDENTITY_PUBLIC_KEYS` format. */
export function identityPublicKeyOf(signing: IdentitySigningKey): string {
  return `${signing.kid}:${createPublicKey(signing.privateKey).export({ format: 'der', type: 'spki' }).toString('base64')}`;
}

/** A fresh pair in the environment formats (tests, `npm start`, key rotation). */
export function generateIdentityKeys(kid = `k${Date.now().toString(36)}`): { signingKey: string; publicKeys: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: `${kid}:${privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`,
    publicKeys: `${kid}:${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
  };
}
