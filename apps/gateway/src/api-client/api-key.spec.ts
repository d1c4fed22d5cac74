import { apiKeyMatches, generateApiKey, parseApiKey } from './api-key';

describe('api keys', () => {
  it('generates keys that parse, and match only their own hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(parseApiKey(a.key)).toEqual({ prefix: a.prefix });
    expect(apiKeyMatches(a.key, a.hash)).toBe(true);
    expect(apiKeyMatches(a.key, b.hash)).toBe(false);
    expect(apiKeyMatches(`${a.key}x`, a.hash)).toBe(false);
  });

  it.each(['', 'hub_', 'hub_zzzzzzzz_' + 'a'.repeat(40), 'Bearer hub_12345678_' + 'a'.repeat(40), 'hub_12345678_short'])('rejects malformed key %j', (key) => {
    expect(parseApiKey(key)).toBeNull();
  });
});
