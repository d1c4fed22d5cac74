import { ProblemException } from '../errors/problem.exception';
import { CallerIdentity } from './caller-identity';
import { signIdentity, verifyIdentity } from './identity-token';

const KEY = 'k'.repeat(32);
const NOW = Date.UTC(2025, 0, 1);
const caller: CallerIdentity = { clientId: 'dvc-hanoi', kind: 'agency-system', agencyCodes: ['000.00.01.H26'], roles: ['dossier:sync'] };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).status).toBe(401);
    return (error as ProblemException).code;
  }
  return undefined;
}

describe('identity header', () => {
  it('round-trips the identity', () => {
    const header = signIdentity(caller, KEY, NOW);
    expect(header).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyIdentity(header, KEY, NOW + 1000)).toEqual(caller);
  });

  it('drops claims that are not part of the identity', () => {
    const verified = verifyIdentity(signIdentity({ ...caller, extra: 1 } as CallerIdentity, KEY, NOW), KEY, NOW);
    expect(verified).toEqual(caller);
  });

  it('rejects a tampered payload', () => {
    const [, signature] = signIdentity(caller, KEY, NOW).split('.');
    const forged = Buffer.from(JSON.stringify({ ...caller, roles: ['operator'], issuedAt: NOW })).toString('base64url');
    expect(codeOf(() => verifyIdentity(`${forged}.${signature}`, KEY, NOW))).toBe('IDENTITY_INVALID');
  });

  it('rejects a tampered signature and a wrong key', () => {
    const header = signIdentity(caller, KEY, NOW);
    const flipped = header.slice(0, -1) + (header.endsWith('A') ? 'B' : 'A');
    expect(codeOf(() => verifyIdentity(flipped, KEY, NOW))).toBe('IDENTITY_INVALID');
    expect(codeOf(() => verifyIdentity(header, 'x'.repeat(32), NOW))).toBe('IDENTITY_INVALID');
  });

  it('rejects malformed headers', () => {
    for (const header of ['', 'abc', 'a.b.c', '.', 'x'.repeat(9000)]) {
      expect(codeOf(() => verifyIdentity(header, KEY, NOW))).toBe('IDENTITY_INVALID');
    }
  });

  it('rejects correctly signed claims of the wrong shape', () => {
    const bad = { ...caller, kind: 'superuser' } as unknown as CallerIdentity;
    expect(codeOf(() => verifyIdentity(signIdentity(bad, KEY, NOW), KEY, NOW))).toBe('IDENTITY_INVALID');
  });

  it('expires after maxAgeMs and refuses identities issued in the future', () => {
    const header = signIdentity(caller, KEY, NOW);
    expect(verifyIdentity(header, KEY, NOW + 60_000)).toEqual(caller);
    expect(codeOf(() => verifyIdentity(header, KEY, NOW + 60_001))).toBe('IDENTITY_EXPIRED');
    expect(codeOf(() => verifyIdentity(header, KEY, NOW + 5_001, 5_000))).toBe('IDENTITY_EXPIRED');
    expect(codeOf(() => verifyIdentity(header, KEY, NOW - 120_000))).toBe('IDENTITY_EXPIRED');
  });
});
