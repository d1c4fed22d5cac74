import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface Ed25519SigningKey {
  privateKey: KeyObject;
  publicJwk: Ed25519Jwk;
}

/** An Ed25519 private key from configuration: PKCS#8 PEM, or its DER in base64. */
export function parseEd25519PrivateKey(configured: string, name: string): Ed25519SigningKey {
  const privateKey = configured.includes('BEGIN') ? createPrivateKey(configured) : createPrivateKey({ key: Buffer.from(configured, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${name} must be an Ed25519 private key (PKCS#8)`);
  return withPublicJwk(privateKey);
}

/** A key for this process only (development and tests, when none is configured). */
export function generateEd25519Key(): Ed25519SigningKey {
  return withPublicJwk(generateKeyPairSync('ed25519').privateKey);
}

function withPublicJwk(privateKey: KeyObject): Ed25519SigningKey {
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  // The key id is derived from the key itself, so every replica with the same key publishes the same id.
  const kid = createHash('sha256').update(x!).digest('base64url').slice(0, 16);
  return { privateKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: x!, kid, alg: 'EdDSA', use: 'sig' } };
}
