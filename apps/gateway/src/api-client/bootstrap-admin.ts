import { createHash } from 'node:crypto';

/** `<8 hex key prefix>:<64 hex SHA-256 of the key>`: how the bootstrap administrator's key is configured. */
export const BOOTSTRAP_ADMIN_KEY_HASH_PATTERN = /^([0-9a-f]{8}):([0-9a-f]{64})$/;

export function parseBootstrapAdminKeyHash(spec: string): { prefix: string; hash: string } {
  const match = BOOTSTRAP_ADMIN_KEY_HASH_PATTERN.exec(spec);
  if (!match) throw new Error('GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH must be <8 hex prefix>:<64 hex sha256> (npm run admin-key)');
  return { prefix: match[1], hash: match[2] };
}

/** The configuration value for a key `hub_<prefix>_…` (tests and tools; the gateway never sees the key itself). */
export function bootstrapAdminKeyHash(apiKey: string): string {
  const prefix = /^hub_([0-9a-f]{8})_/.exec(apiKey)?.[1];
  if (!prefix) throw new Error('not an API key: hub_<8 hex>_<secret>');
  return `${prefix}:${createHash('sha256').update(apiKey).digest('hex')}`;
}
