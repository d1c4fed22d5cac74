import { hashSecret, secretMatches } from './secret-hash';

describe('secret hashes', () => {
  it('is the SHA-256 of the secret in hex', () => {
    // Known answer: SHA-256("abc").
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches only the same secret, and never a malformed stored hash', () => {
    const stored = hashSecret('hub_0123abcd_secret');
    expect(secretMatches('hub_0123abcd_secret', stored)).toBe(true);
    expect(secretMatches('hub_0123abcd_secreT', stored)).toBe(false);
    expect(secretMatches('hub_0123abcd_secret', stored.slice(0, 10))).toBe(false);
    expect(secretMatches('hub_0123abcd_secret', '')).toBe(false);
  });
});
