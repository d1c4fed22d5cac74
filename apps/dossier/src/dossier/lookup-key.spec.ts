import { createHash } from 'node:crypto';
import { isRealSecret } from '../config/dossier.config';
import { createHmac } from 'node:crypto';
import { legacyLookupHash, LookupKeys, newLookupKey } from './lookup-key';

const CODE = '000.00.16.H31-260112-0001';
const keys = new LookupKeys('unit-test-lookup-secret-9f8e7d6c5b4a39281706');

describe('lookup keys', () => {
  it('stores an HMAC bound to the code, not the bare SHA-256 of the key', () => {
    const key = newLookupKey();
    const stored = keys.hash(CODE, key);
    expect(stored).toMatch(/^hmac2:[0-9a-f]{64}$/);
    expect(stored).not.toContain(createHash('sha256').update(key).digest('hex'));
    expect(keys.matches(CODE, key, stored)).toBe(true);
    expect(keys.matches(CODE, 'ZZZZ9999', stored)).toBe(false);
    // Copied onto another dossier, or checked under another secret, it matches nothing.
    expect(keys.matches('000.00.16.H31-260112-0002', key, stored)).toBe(false);
    expect(new LookupKeys('another-lookup-secret-0a1b2c3d4e5f6a7b8c9d').matches(CODE, key, stored)).toBe(false);
    expect(keys.matches(CODE, key, null)).toBe(false);
  });

  it('binds the tag (computed before the dossier has a code) to the code: SHA-256 of the code and the tag', () => {
    const key = newLookupKey();
    const tag = keys.tag(key);
    expect(tag).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.hash(CODE, key)).toBe(`hmac2:${createHash('sha256').update(`${CODE}\n${tag}`).digest('hex')}`);
    expect(new LookupKeys('another-lookup-secret-0a1b2c3d4e5f6a7b8c9d').tag(key)).not.toBe(tag);
  });

  it('still matches hashes stored in the first HMAC form', () => {
    const key = 'ABCD2345';
    const v1 = `hmac1:${createHmac('sha256', 'unit-test-lookup-secret-9f8e7d6c5b4a39281706').update(`${CODE}\n${legacyLookupHash(key)}`).digest('hex')}`;
    expect(keys.matches(CODE, key, v1)).toBe(true);
    expect(keys.matches(CODE, 'ZZZZ9999', v1)).toBe(false);
    expect(keys.matches('000.00.16.H31-260112-0002', key, v1)).toBe(false);
  });

  it('converts a row of the old bare SHA-256 form without knowing its key', () => {
    const key = 'ABCD2345';
    expect(keys.fromLegacy(CODE, legacyLookupHash(key))).toBe(keys.hash(CODE, key));
    expect(keys.matches(CODE, key, legacyLookupHash(key))).toBe(false);
  });

  it('refuses example values and runs of few characters as the secret', () => {
    for (const value of ['change-me-to-at-least-32-random-characters', 'dev-only-lookup-key-secret-do-not-use-in-prod', 'a'.repeat(40), '1212121212121212121212121212121212']) {
      expect(isRealSecret(value)).toBe(false);
    }
    expect(isRealSecret('q8Jz3vR1xK0pLw7mN4tY6bC2dF9gH5sA')).toBe(true);
  });
});
