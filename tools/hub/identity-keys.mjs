#!/usr/bin/env node
// Ed25519 keys of the x-hub-identity header, in the formats the apps read:
//   IDENTITY_SIGNING_KEY  <kid>:<PKCS#8 DER base64>   the gateway only
//   IDENTITY_PUBLIC_KEYS  <kid>:<SPKI DER base64>     every service (comma-separated during a rotation)
// Run it to print a new pair: node tools/hub/identity-keys.mjs [kid]
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** @returns {{ signingKey: string, publicKeys: string }} */
export function generateIdentityKeys(kid = `k${Date.now().toString(36)}`) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: `${kid}:${privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`,
    publicKeys: `${kid}:${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
  };
}

/** The identity variables of one app: the gateway signs, every other app verifies only. */
export function identityEnvOf(app, keys) {
  return app === 'gateway' ? { IDENTITY_SIGNING_KEY: keys.signingKey } : { IDENTITY_PUBLIC_KEYS: keys.publicKeys };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const keys = generateIdentityKeys(process.argv[2]);
  console.log(`IDENTITY_SIGNING_KEY=${keys.signingKey}`);
  console.log(`IDENTITY_PUBLIC_KEYS=${keys.publicKeys}`);
}
