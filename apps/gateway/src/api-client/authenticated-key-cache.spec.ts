import type { CallerIdentity } from '@hub/platform';
import { AuthenticatedKeyCache, type AuthenticatedClient } from './authenticated-key-cache';

const identity = (clientId: string): AuthenticatedClient => ({ identity: { clientId, kind: 'portal', agencyCodes: [], roles: ['dossier:read'] } satisfies CallerIdentity });

describe('AuthenticatedKeyCache', () => {
  it('answers for 30 s, then forgets', () => {
    const cache = new AuthenticatedKeyCache();
    cache.set('key-a', identity('a'), 1_000);
    expect(cache.get('key-a', 30_999)).toEqual(identity('a'));
    expect(cache.get('key-a', 31_000)).toBeUndefined();
  });

  it('forgets every key of one client and only that client', () => {
    const cache = new AuthenticatedKeyCache();
    cache.set('old-key-a', identity('a'), 0);
    cache.set('other-key-a', identity('a'), 0);
    cache.set('key-b', identity('b'), 0);
    cache.forgetClient('a');
    expect(cache.get('old-key-a', 1)).toBeUndefined();
    expect(cache.get('other-key-a', 1)).toBeUndefined();
    expect(cache.get('key-b', 1)).toEqual(identity('b'));
  });

  it('trusts an entry for the configured TTL, and never past the key\'s own end', () => {
    const cache = new AuthenticatedKeyCache(600_000);
    cache.set('key-a', identity('a'), 0);
    cache.set('key-b', identity('b'), 0, 5_000);
    expect(cache.get('key-a', 599_999)).toEqual(identity('a'));
    expect(cache.get('key-a', 600_000)).toBeUndefined();
    expect(cache.get('key-b', 4_999)).toEqual(identity('b'));
    expect(cache.get('key-b', 5_000)).toBeUndefined();
  });

  it('forgets everything when client changes may have been missed', () => {
    const cache = new AuthenticatedKeyCache();
    cache.set('key-a', identity('a'), 0);
    cache.set('key-b', identity('b'), 0);
    cache.forgetAll();
    expect(cache.get('key-a', 1)).toBeUndefined();
    expect(cache.get('key-b', 1)).toBeUndefined();
  });
});
