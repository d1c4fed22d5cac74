import { generateIdentityKeys, parseIdentitySigningKey, signIdentity, verifyIdentity } from '@hub/platform';
import { registerClient, startFakeUpstream, startGateway, type Gateway } from './support/gateway-harness';

const PORTAL = 'https://portal.example.gov.vn';

describe('door hygiene', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let key: string;

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: {} }));
    gateway = await startGateway(upstream.url, { CORS_ORIGINS: `${PORTAL}, https://other.example` });
    key = await registerClient(gateway, 'hygiene-portal');
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('never forwards a forged x-hub-identity or x-forwarded-* header from outside', async () => {
    // Signed with a key of the right format and key id, but not the gateway's.
    const attackerKey = parseIdentitySigningKey(generateIdentityKeys('it-gateway').signingKey);
    const forged = signIdentity({ clientId: 'bootstrap-admin', kind: 'operator', agencyCodes: [], roles: ['hub:admin'] }, attackerKey, { audience: 'dossier', method: 'GET', path: '/v1/dossiers/x' });
    const verifyAs = (header: unknown, audience: string, path: string) =>
      verifyIdentity(String(header), { keys: gateway.identityKeys, binding: { audience, method: 'GET', path } });
    const res = await gateway.app.inject({
      method: 'GET',
      url: '/v1/dossiers/x',
      headers: { 'x-api-key': key, 'x-hub-identity': forged, 'x-forwarded-for': '10.0.0.1', 'x-forwarded-host': 'evil', forwarded: 'for=1.2.3.4' },
    });
    expect(res.statusCode).toBe(200);
    const sent = upstream.seen.at(-1)!.headers;
    expect(verifyAs(sent['x-hub-identity'], 'dossier', '/v1/dossiers/x').clientId).toBe('hygiene-portal');
    expect(Object.keys(sent).filter((name) => name.startsWith('x-forwarded') || name === 'forwarded')).toEqual([]);
    // Anonymous with a forged identity: still anonymous.
    await gateway.app.inject({ method: 'GET', url: '/v1/procedures', headers: { 'x-hub-identity': forged } });
    expect(verifyAs(upstream.seen.at(-1)!.headers['x-hub-identity'], 'catalogue', '/v1/procedures').kind).toBe('public');
  });

  it('puts a request id and the security headers on every answer, problems included', async () => {
    for (const res of [
      await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': key, 'x-correlation-id': 'corr-hyg' } }),
      await gateway.app.inject({ method: 'GET', url: '/v1/nothing' }),
      await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', payload: {} }),
    ]) {
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
      expect(res.headers['x-request-id']).toBe(res.headers['x-correlation-id']);
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
    }
  });

  it('answers CORS for configured origins only', async () => {
    const preflight = (origin: string) =>
      gateway.app.inject({ method: 'OPTIONS', url: '/v1/dossiers', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key' } });
    const allowed = await preflight(PORTAL);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': PORTAL, vary: 'origin' });
    expect(allowed.headers['access-control-allow-headers']).toContain('idempotency-key');
    const refused = await preflight('https://evil.example');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': key, origin: PORTAL } });
    expect(simple.headers['access-control-expose-headers']).toContain('x-hub-receipt');
  });

  it('refuses encoded slashes and dot segments without forwarding', async () => {
    const forwarded = upstream.seen.length;
    // (inject normalises plain and encoded dot segments itself; the rule is unit-tested in door-rules.spec)
    for (const url of ['/v1/dossiers/a%2F..%2Fadmin', '/v1/dossiers/a%2fb', '/v1/dossiers/a%5cb']) {
      const res = await gateway.app.inject({ method: 'GET', url, headers: { 'x-api-key': key } });
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status: 400, code: 'MALFORMED_URL' });
    }
    expect(upstream.seen.length).toBe(forwarded);
  });

  it('forwards a URL as long as it accepts: the signed identity does not grow with it', async () => {
    // Up to MAX_URL_BYTES (8 KiB) is accepted; the service's HTTP parser refuses a request line and headers over 16 KiB
    // (the fake upstream is a plain Node server: it would answer 431). The identity once carried the path itself.
    const prefix = '/v1/dossiers/x?q=';
    const url = prefix + 'a'.repeat(gateway.config.MAX_URL_BYTES - prefix.length);
    const res = await gateway.app.inject({ method: 'GET', url, headers: { 'x-api-key': key, 'user-agent': 'u'.repeat(2_000) } });
    expect(res.statusCode).toBe(200);
    const sent = upstream.seen.at(-1)!;
    expect(sent.url).toBe(url);
    expect(verifyIdentity(String(sent.headers['x-hub-identity']), { keys: gateway.identityKeys, binding: { audience: 'dossier', method: 'GET', path: url } }).clientId).toBe('hygiene-portal');
    const longer = await gateway.app.inject({ method: 'GET', url: `${url}a`, headers: { 'x-api-key': key } });
    expect({ status: longer.statusCode, code: longer.json().code }).toEqual({ status: 414, code: 'URI_TOO_LONG' });
  });

  it('reports readiness with the rate-limit store', async () => {
    const ready = await gateway.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.json()).toMatchObject({ status: 'up', checks: expect.arrayContaining([{ name: 'rate-limit-store', status: 'up' }]) });
  });
});
