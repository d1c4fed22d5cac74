import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 (hex) of a high-entropy secret (API keys, lookup keys: 128+ random bits), the one way the hub stores
 * them. A fast hash is enough for such secrets; low-entropy human passwords would need a slow one.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares a presented secret with a stored `hashSecret` in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
