// Development secrets, kept between runs so the printed API keys stay valid. Never used outside `npm start`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateIdentityKeys } from './identity-keys.mjs';

const newKey = () => `hub_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;

/** @returns {{ identityKeys: { signingKey: string, publicKeys: string }, lookupKeySecret: string, adminKey: string, clients: Record<string, string>, save(): void }} */
export function loadDevSecrets(file) {
  mkdirSync(dirname(file), { recursive: true });
  let stored = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file} is not valid JSON (${e.message}); delete it and npm start issues new development keys`);
    }
  }
  const secrets = {
    // Ed25519 (the gateway signs, the services verify); a file from before (a shared HMAC secret) gets a new pair.
    identityKeys: stored.identityKeys?.signingKey && stored.identityKeys?.publicKeys ? stored.identityKeys : generateIdentityKeys('dev'),
    lookupKeySecret: stored.lookupKeySecret ?? randomBytes(32).toString('base64url'),
    adminKey: stored.adminKey ?? newKey(),
    clients: { ...(stored.clients ?? {}) },
    // The payment sandbox's partner code and secret (production: the payment service's environment).
    paymentPlatform: stored.paymentPlatform ?? { provider: 'sandbox', partnerCode: 'HUB_SANDBOX', secret: randomBytes(24).toString('hex') },
  };
  const save = () => writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  save();
  return Object.assign(secrets, { save });
}
