import { randomInt } from 'node:crypto';
import { hashSecret, secretMatches } from '@hub/platform';

// No 0/O/1/I/L: the key is read off paper and typed by people.
const LOOKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new lookup key for the receipt (8 characters, about 40 bits). */
export function newLookupKey(): string {
  return Array.from({ length: 8 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');
}

/** Keys are stored hashed, like every secret of the hub. */
export const hashLookupKey = hashSecret;

// Compared when the code is unknown, so an unknown code takes as long as a wrong key.
const DUMMY_HASH = hashSecret('no such dossier');

/** Constant-time comparison of a presented key with a stored hash (or with nothing, in the same time). */
export function lookupKeyMatches(presented: string, storedHash: string | null): boolean {
  return secretMatches(presented, storedHash ?? DUMMY_HASH) && storedHash !== null;
}
