import { issueSession, sessionKeyFrom, verifySession } from './compat-session';

describe('compat sessions', () => {
  const key = sessionKeyFrom('k'.repeat(64));
  const now = Date.parse('2026-03-09T03:00:00Z');

  it('a session verifies for its client until it expires (30 min or more), and not a second later', () => {
    const { session, expiresAt } = issueSession('hcm-one-stop', 1800, key, now);
    expect(expiresAt).toBe(now / 1000 + 1800);
    expect(verifySession(session, key, now + 1799_000)).toEqual({ clientId: 'hcm-one-stop', expiresAt });
    expect(verifySession(session, key, now + 1800_000)).toBeUndefined();
  });

  it('refuses a forged, altered, truncated or foreign-key session', () => {
    const { session } = issueSession('hcm-one-stop', 1800, key, now);
    const [prefix, payload, mac] = session.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ c: 'other-client', e: now / 1000 + 1800, n: 'x' })).toString('base64url');
    for (const bad of [`${prefix}.${forgedPayload}.${mac}`, `${prefix}.${payload}.${mac.slice(1)}`, `${prefix}.${payload}`, `${session}.x`, 'x'.repeat(600), '', undefined, 42]) {
      expect(verifySession(bad, key, now)).toBeUndefined();
    }
    expect(verifySession(session, sessionKeyFrom('other'.repeat(13)), now)).toBeUndefined();
  });
});
