import { ed25519Sign } from '../crypto/ed25519';
import { ProblemException } from '../errors/problem.exception';
import { CallerIdentity } from './caller-identity';
import { generateIdentityKeys, parseIdentityPublicKeys, parseIdentitySigningKey } from './identity-keys';
import { IdentityReplayCache } from './identity-replay-cache';
import { BaseServiceConfig } from '../config/base-service.config';
import { MAX_AGENCY_CODES_PER_CLIENT, rolesOfKind } from './access-policy';
import { IDENTITY_HEADER, IdentityBinding, signIdentity, verifyIdentity } from './identity-token';

const pair = generateIdentityKeys('gw1');
const KEY = parseIdentitySigningKey(pair.signingKey);
const KEYS = parseIdentityPublicKeys(pair.publicKeys);
const NOW = Date.UTC(2025, 0, 1);
const BINDING: IdentityBinding = { audience: 'dossier', method: 'GET', path: '/v1/dossiers?limit=10' };
const caller: CallerIdentity = { clientId: 'dvc-hanoi', kind: 'agency-system', agencyCodes: ['000.00.01.H26'], roles: ['dossier:sync'] };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).code;
  }
  return undefined;
}

const verifyAt = (header: string, now = NOW, binding = BINDING, keys = KEYS, replayCache?: IdentityReplayCache) =>
  verifyIdentity(header, { keys, binding, now, replayCache });

describe('identity header (Ed25519, bound to audience, method and path)', () => {
  it('round-trips the identity', () => {
    const header = signIdentity(caller, KEY, BINDING, NOW);
    expect(header).toMatch(/^v3\.gw1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyAt(header, NOW + 1000)).toEqual(caller);
  });

  it('is the same size for any path: the claims carry its digest, not the path', () => {
    const size = (path: string) => signIdentity(caller, KEY, { ...BINDING, path }, NOW).length;
    const long = `/v1/dossiers?q=${'a'.repeat(8_000)}`;
    expect(size(long)).toBe(size('/v1/dossiers'));
    expect(verifyAt(signIdentity(caller, KEY, { ...BINDING, path: long }, NOW), NOW, { ...BINDING, path: long })).toEqual(caller);
    expect(codeOf(() => verifyAt(signIdentity(caller, KEY, { ...BINDING, path: long }, NOW), NOW, { ...BINDING, path: `${long}a` }))).toBe('IDENTITY_INVALID');
  });

  it("fits a service's request-line and header limit beside the largest request the gateway accepts, for the widest client", () => {
    const widest: CallerIdentity = {
      clientId: 'a'.repeat(64),
      kind: 'agency-system',
      agencyCodes: Array.from({ length: MAX_AGENCY_CODES_PER_CLIENT }, (_, i) => `000.00.${String(i % 100).padStart(2, '0')}.H${String(10 + (i % 90))}`),
      roles: rolesOfKind('agency-system'),
    };
    const binding = { ...BINDING, path: `/v1/dossiers?q=${'a'.repeat(8_000)}` };
    const header = signIdentity(widest, KEY, binding, NOW);
    expect(verifyAt(header, NOW, binding)).toEqual(widest);
    // What the gateway forwards: at most its own 16 KiB of the client's request, the identity, a few headers of its own.
    expect(16 * 1024 + IDENTITY_HEADER.length + header.length + 1024).toBeLessThanOrEqual(new BaseServiceConfig().MAX_HEADER_BYTES);
  });

  it('still verifies a v2 identity (the path itself in its claims), bound to its path as a v3 one is', () => {
    const v2 = (claims: object) => {
      const signed = `v2.gw1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${signed}.${ed25519Sign(Buffer.from(signed), KEY.privateKey).toString('base64url')}`;
    };
    const claims = { ...caller, aud: 'dossier', mth: 'GET', pth: BINDING.path, jti: 'a'.repeat(16), iat: NOW, exp: NOW + 5_000 };
    expect(verifyAt(v2(claims))).toEqual(caller);
    expect(codeOf(() => verifyAt(v2(claims), NOW, { ...BINDING, path: '/v1/dossiers' }))).toBe('IDENTITY_INVALID');
    // A v2 header carrying v3's digest instead of the path is not bound to anything: refused.
    const { pth: _, ...withoutPath } = claims;
    expect(codeOf(() => verifyAt(v2({ ...withoutPath, phs: 'x' })))).toBe('IDENTITY_INVALID');
    // The version is signed: a v3 header relabelled v2 does not verify.
    expect(codeOf(() => verifyAt(signIdentity(caller, KEY, BINDING, NOW).replace(/^v3/, 'v2')))).toBe('IDENTITY_INVALID');
  });

  it('drops claims that are not part of the identity', () => {
    expect(verifyAt(signIdentity({ ...caller, extra: 1 } as CallerIdentity, KEY, BINDING, NOW))).toEqual(caller);
  });

  it('rejects a tampered payload, a tampered signature, another key and an unknown key id', () => {
    const [v, kid, , signature] = signIdentity(caller, KEY, BINDING, NOW).split('.');
    const [, , payload] = signIdentity({ ...caller, roles: ['hub:admin'] }, KEY, BINDING, NOW).split('.');
    expect(codeOf(() => verifyAt(`${v}.${kid}.${payload}.${signature}`))).toBe('IDENTITY_INVALID');
    const header = signIdentity(caller, KEY, BINDING, NOW);
    expect(codeOf(() => verifyAt(header.slice(0, -2) + (header.endsWith('AA') ? 'BA' : 'AA')))).toBe('IDENTITY_INVALID');
    const other = generateIdentityKeys('gw1');
    expect(codeOf(() => verifyAt(header, NOW, BINDING, parseIdentityPublicKeys(other.publicKeys)))).toBe('IDENTITY_INVALID');
    const otherKid = parseIdentitySigningKey(generateIdentityKeys('gw2').signingKey);
    expect(codeOf(() => verifyAt(signIdentity(caller, otherKid, BINDING, NOW)))).toBe('IDENTITY_INVALID');
  });

  it('accepts every listed key during a rotation', () => {
    const next = generateIdentityKeys('gw2');
    const both = parseIdentityPublicKeys(`${pair.publicKeys},${next.publicKeys}`);
    expect(verifyAt(signIdentity(caller, parseIdentitySigningKey(next.signingKey), BINDING, NOW), NOW, BINDING, both)).toEqual(caller);
    expect(verifyAt(signIdentity(caller, KEY, BINDING, NOW), NOW, BINDING, both)).toEqual(caller);
  });

  it('rejects malformed headers, including the old HMAC format', () => {
    for (const header of ['', 'abc', 'a.b.c', 'v2.gw1.a', 'v3.gw1.a', 'v1.gw1.a.b', '.', 'x'.repeat(9000), 'eyJjbGllbnRJZCI6ImEifQ.c2ln']) {
      expect(codeOf(() => verifyAt(header))).toBe('IDENTITY_INVALID');
    }
  });

  it('rejects correctly signed claims of the wrong shape', () => {
    const bad = { ...caller, kind: 'superuser' } as unknown as CallerIdentity;
    expect(codeOf(() => verifyAt(signIdentity(bad, KEY, BINDING, NOW)))).toBe('IDENTITY_INVALID');
  });

  it('is valid only for its audience, method and path (query included)', () => {
    const header = signIdentity(caller, KEY, BINDING, NOW);
    expect(codeOf(() => verifyAt(header, NOW, { ...BINDING, audience: 'payment' }))).toBe('IDENTITY_INVALID');
    expect(codeOf(() => verifyAt(header, NOW, { ...BINDING, method: 'DELETE' }))).toBe('IDENTITY_INVALID');
    expect(codeOf(() => verifyAt(header, NOW, { ...BINDING, path: '/v1/dossiers' }))).toBe('IDENTITY_INVALID');
    expect(codeOf(() => verifyAt(header, NOW, { ...BINDING, path: '/v1/dossiers?limit=100' }))).toBe('IDENTITY_INVALID');
    expect(verifyAt(header, NOW, { ...BINDING, method: 'get' })).toEqual(caller);
  });

  it('expires after a few seconds (plus clock skew) and refuses identities issued in the future', () => {
    const header = signIdentity(caller, KEY, BINDING, NOW);
    expect(verifyAt(header, NOW + 7_000)).toEqual(caller);
    expect(codeOf(() => verifyAt(header, NOW + 7_001))).toBe('IDENTITY_EXPIRED');
    expect(codeOf(() => verifyAt(header, NOW - 2_001))).toBe('IDENTITY_INVALID');
    expect(codeOf(() => verifyAt(signIdentity(caller, KEY, BINDING, NOW, 60_000), NOW))).toBe('IDENTITY_INVALID');
  });

  it('refuses a second use of the same header while it lives, and forgets it once expired', () => {
    const cache = new IdentityReplayCache();
    const header = signIdentity(caller, KEY, BINDING, NOW);
    expect(verifyAt(header, NOW, BINDING, KEYS, cache)).toEqual(caller);
    expect(codeOf(() => verifyAt(header, NOW + 1, BINDING, KEYS, cache))).toBe('IDENTITY_REPLAYED');
    expect(verifyAt(signIdentity(caller, KEY, BINDING, NOW), NOW, BINDING, KEYS, cache)).toEqual(caller);
    verifyAt(signIdentity(caller, KEY, BINDING, NOW + 10_000), NOW + 10_000, BINDING, KEYS, cache);
    expect(cache.size).toBe(1);
  });

  it('refuses rather than evicts a live id when the replay cache is full', () => {
    const cache = new IdentityReplayCache(1);
    verifyAt(signIdentity(caller, KEY, BINDING, NOW), NOW, BINDING, KEYS, cache);
    expect(codeOf(() => verifyAt(signIdentity(caller, KEY, BINDING, NOW), NOW, BINDING, KEYS, cache))).toBe('IDENTITY_REPLAY_CACHE_FULL');
  });

  it('refuses placeholder and non-Ed25519 keys', () => {
    for (const bad of ['change-me-to-at-least-32-random-characters', 'k:' + 'A'.repeat(60), 'short']) {
      expect(() => parseIdentitySigningKey(bad)).toThrow(/IDENTITY_SIGNING_KEY/);
      expect(() => parseIdentityPublicKeys(bad)).toThrow(/IDENTITY_PUBLIC_KEYS/);
    }
  });
});
