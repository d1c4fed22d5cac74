import { randomBytes } from 'node:crypto';
import { hashSecret } from '@hub/platform';

// API keys are hashed and compared the hub's one way (libs/platform/src/crypto/secret-hash.ts).
export { hashSecret as hashApiKey, secretMatches as apiKeyMatches } from '@hub/platform';

/**
 * `hub_<8 hex prefix>_<43 url-safe chars>`: 256 random bits, so a fast hash (SHA-256) is enough;
 * slow password hashes exist for low-entropy human secrets.
 */
const API_KEY = /^hub_([0-9a-f]{8})_([A-Za-z0-9_-]{32,})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `hub_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashSecret(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = API_KEY.exec(key);
  return match ? { prefix: match[1] } : null;
}

