import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `hub_<8 hex prefix>_<43 url-safe chars>`: 256 random bits, so a fast hash (SHA-256) is enough;
 * slow password hashes exist for low-entropy human secrets.
 */
const API_KEY = /^hub_([0-9a-f]{8})_([A-Za-z0-9_-]{32,})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `hub_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = API_KEY.exec(key);
  return match ? { prefix: match[1] } : null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
