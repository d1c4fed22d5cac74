import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';

// No 0/O/1/I/L: the key is read off paper and typed by people.
const LOOKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const LOOKUP_KEY_SECRET = Symbol('LOOKUP_KEY_SECRET');

/** Stored form written before 2026-12: `hmac1:` + hex HMAC-SHA256(secret, code + "\n" + SHA-256(key)). Still matched. */
export const LOOKUP_HASH_V1_PREFIX = 'hmac1:';
/**
 * Stored form: `hmac2:` + hex SHA-256(code + "\n" + tag), where the tag is hex HMAC-SHA256(secret, "hmac2\n" +
 * SHA-256(key)). The tag depends on the key and the secret, not on the code, so it is computed before the dossier
 * is numbered and the statement that numbers it binds it to the code (`lookupHashSql`), with PostgreSQL's built-in
 * sha256(): the secret never leaves the service, and the tag alone (in a statement's parameters) reveals no more
 * than a stored value does.
 */
export const LOOKUP_HASH_PREFIX = 'hmac2:';
/** Every stored form starts with this; a bare SHA-256 (hex) never does. */
export const HMAC_FORMS_PREFIX = 'hmac';

/** The SQL of the stored form, for the code and the tag given as SQL expressions: the same value as `LookupKeys.hash`. */
export function lookupHashSql(code: string, tag: string): string {
  return `'${LOOKUP_HASH_PREFIX}' || encode(sha256(convert_to(${code} || E'\\n' || ${tag}, 'UTF8')), 'hex')`;
}

/** A new lookup key for the receipt (8 characters, about 40 bits). */
export function newLookupKey(): string {
  return Array.from({ length: 8 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');
}

/** What rows written before the HMAC held: the bare SHA-256 (hex) of the key. */
export function legacyLookupHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Lookup keys are about 40 bits, typed by people: a bare SHA-256 of one is reversed by trying every key, so a copy of
 * the table would reveal every key. They are stored as an HMAC with a server-side secret (LOOKUP_KEY_SECRET, which is
 * not in the database) bound to the dossier code (`LOOKUP_HASH_PREFIX`): a stored value is worthless without the secret
 * and cannot be moved to another dossier. The inner SHA-256 lets rows of the former bare-SHA-256 form be converted
 * without knowing their keys (`fromLegacy`, run at start-up by LookupKeyRekeying).
 */
@Injectable()
export class LookupKeys {
  private readonly secret: Buffer;
  // Compared when the code is unknown, so an unknown code takes as long as a wrong key.
  private readonly dummy: string;

  constructor(@Inject(LOOKUP_KEY_SECRET) secret: string) {
    this.secret = Buffer.from(secret, 'utf8');
    this.dummy = this.hash('no such dossier', 'no such key');
  }

  hash(code: string, key: string): string {
    return this.fromLegacy(code, legacyLookupHash(key));
  }

  /** The key's part of its stored form, before the dossier has a code (see LOOKUP_HASH_PREFIX). */
  tag(key: string): string {
    return this.tagOf(legacyLookupHash(key));
  }

  /** The stored form of a row that held the bare SHA-256 `legacyHash` of its key. */
  fromLegacy(code: string, legacyHash: string): string {
    return LOOKUP_HASH_PREFIX + createHash('sha256').update(`${code}\n${this.tagOf(legacyHash)}`).digest('hex');
  }

  private tagOf(keySha256: string): string {
    return createHmac('sha256', this.secret).update(`hmac2\n${keySha256}`).digest('hex');
  }

  private v1Hash(code: string, key: string): string {
    return LOOKUP_HASH_V1_PREFIX + createHmac('sha256', this.secret).update(`${code}\n${legacyLookupHash(key)}`).digest('hex');
  }

  /** Constant-time comparison of a presented key with a stored hash of either form (or with nothing, in the same time). */
  matches(code: string, presented: string, stored: string | null): boolean {
    const a = Buffer.from(stored?.startsWith(LOOKUP_HASH_V1_PREFIX) ? this.v1Hash(code, presented) : this.hash(code, presented));
    const b = Buffer.from(stored ?? this.dummy);
    return a.length === b.length && timingSafeEqual(a, b) && stored !== null;
  }
}
