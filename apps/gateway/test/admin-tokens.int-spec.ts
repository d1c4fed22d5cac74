import { generateKeyPairSync } from 'node:crypto';
import { expectEventually } from '@hub/testing';
import { closeReplica, registerClient, startFakeUpstream, startGateway, startReplica, TEST_ADMIN_KEY, type Gateway } from './support/gateway-harness';

const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const STATUS_TTL_MS = 1_000;

/** The gateway's own administration is reached by an OAuth2 access token as by an API key: the same identity, the same refusals. */
describe('admin operations through access tokens', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let replica: Gateway;
  let adminKey: string;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    const env = { OAUTH_SIGNING_KEYS: SIGNING_KEY, OAUTH_CLIENT_STATUS_TTL_MS: String(STATUS_TTL_MS) };
    gateway = await startGateway(upstream.url, env);
    replica = await startReplica(gateway, upstream.url, env);
    adminKey = await registerClient(gateway, 'ops-console', { kind: 'operator', roles: ['hub:admin', 'audit:read', 'dossier:read'] });
  });

  afterAll(async () => {
    if (replica) await closeReplica(replica);
    await gateway?.close();
    await upstream?.close();
  });

  const tokenFor = async (at: Gateway, clientId: string, secret: string, scope?: string): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...(scope ? { scope } : {}) });
    const res = await at.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    if (res.statusCode !== 200) throw new Error(`token for ${clientId}: ${res.statusCode} ${res.body}`);
    return res.json().access_token;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const admin = (at: Gateway, method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    at.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  /** A refusal without what differs per request (correlation id, instance). */
  const refusal = (res: { statusCode: number; headers: Record<string, unknown>; json: () => Record<string, unknown> }) => {
    const { status, code, title, titleVi, detail, type } = res.json();
    return { statusCode: res.statusCode, contentType: res.headers['content-type'], status, code, title, titleVi, detail, type };
  };

  it('lets an admin token register, change, rate-limit, rotate, list and audit clients, and verify the exchange log', async () => {
    const headers = bearer(await tokenFor(gateway, 'ops-console', adminKey));
    const registered = await admin(gateway, 'POST', '/v1/admin/api-clients', headers, { clientId: 'token-made', name: 'Made with a token', kind: 'portal', roles: ['dossier:read'], agencyCodes: [] });
    expect(registered.statusCode).toBe(201);
    expect(registered.json().apiKey).toMatch(/^hub_/);

    const limited = await admin(gateway, 'PATCH', '/v1/admin/api-clients/token-made', headers, { rateLimits: { read: 5 } });
    expect(limited.statusCode).toBe(200);
    expect(limited.json().rateLimits).toEqual({ read: 5 });
    const rotated = await admin(gateway, 'POST', '/v1/admin/api-clients/token-made:rotate-key', headers, { gracePeriodSeconds: 0 });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().apiKey).not.toBe(registered.json().apiKey);
    expect((await admin(gateway, 'GET', '/v1/admin/api-clients/token-made', headers)).json()).toMatchObject({ clientId: 'token-made', rateLimits: { read: 5 } });
    expect((await admin(gateway, 'GET', '/v1/admin/api-clients', headers)).statusCode).toBe(200);
    expect((await admin(gateway, 'GET', '/v1/admin/exchange-log/verify', headers)).json()).toMatchObject({ valid: true });

    // The audit names the token's client as the actor, exactly as for an API key.
    const audit = (await admin(gateway, 'GET', '/v1/admin/audit?targetClientId=token-made', headers)).json() as Array<{ actorClientId: string; action: string }>;
    expect(audit.map(({ actorClientId, action }) => ({ actorClientId, action }))).toEqual([
      { actorClientId: 'ops-console', action: 'api-client.registered' },
      { actorClientId: 'ops-console', action: 'api-client.updated' },
      { actorClientId: 'ops-console', action: 'api-client.key-rotated' },
    ]);
  });

  it('refuses a token whose scope lacks the admin role with the same 403 problem as an API key without it', async () => {
    const narrowToken = await tokenFor(gateway, 'ops-console', adminKey, 'dossier:read');
    const readerKey = await registerClient(gateway, 'ops-reader', { kind: 'operator', roles: ['dossier:read'] });
    const readerToken = await tokenFor(gateway, 'ops-reader', readerKey);
    const payload = { clientId: 'never-made', name: 'Never', kind: 'portal', roles: ['dossier:read'], agencyCodes: [] };

    const byNarrowToken = await admin(gateway, 'POST', '/v1/admin/api-clients', bearer(narrowToken), payload);
    const byReaderToken = await admin(gateway, 'POST', '/v1/admin/api-clients', bearer(readerToken), payload);
    const byReaderKey = await admin(gateway, 'POST', '/v1/admin/api-clients', { 'x-api-key': readerKey }, payload);
    expect(refusal(byNarrowToken)).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', contentType: expect.stringContaining('application/problem+json') });
    expect(refusal(byReaderToken)).toEqual(refusal(byNarrowToken));
    expect(refusal(byReaderKey)).toEqual(refusal(byNarrowToken));
    for (const url of ['/v1/admin/api-clients/ops-console', '/v1/admin/exchange-log/verify']) {
      expect(refusal(await admin(gateway, 'GET', url, bearer(narrowToken)))).toEqual(refusal(byNarrowToken));
    }
    expect((await admin(gateway, 'GET', '/v1/admin/api-clients/never-made', { 'x-api-key': TEST_ADMIN_KEY })).statusCode).toBe(404);
  });

  it('answers a forged or malformed admin token, a bad API key and no credentials with one 401 problem', async () => {
    const [header, , signature] = (await tokenFor(gateway, 'ops-console', adminKey)).split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'ops-console', roles: ['hub:admin'] })).toString('base64url')}.${signature}`;
    const attempts: Record<string, string>[] = [bearer(forged), bearer('not-a-jwt'), { 'x-api-key': 'hub_0a1b2c3d_' + 'Z'.repeat(43) }, { 'x-api-key': 'malformed' }, {}];
    const answers = await Promise.all(attempts.map((headers) => admin(gateway, 'GET', '/v1/admin/api-clients', headers)));
    const [first, ...others] = answers.map(refusal);
    expect(first).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', detail: 'The credentials are missing, invalid, expired or revoked.' });
    for (const other of others) expect(other).toEqual(first);
  });

  it('limits admin calls per client like forwarded ones: RateLimit headers, then 429 with Retry-After past its override', async () => {
    const key = await registerClient(gateway, 'ops-limited', { kind: 'operator', roles: ['hub:admin'] });
    await admin(gateway, 'PATCH', '/v1/admin/api-clients/ops-limited', { 'x-api-key': TEST_ADMIN_KEY }, { rateLimits: { read: 2 } });
    const headers = bearer(await tokenFor(gateway, 'ops-limited', key));
    const first = await admin(gateway, 'GET', '/v1/admin/api-clients/ops-limited', headers);
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"read";q=2;w=60');
    expect((await admin(gateway, 'GET', '/v1/admin/api-clients/ops-limited', { 'x-api-key': key })).statusCode).toBe(200);
    const refused = await admin(gateway, 'GET', '/v1/admin/exchange-log/verify', headers);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("stops a disabled admin client's token at once where it was disabled, and on another replica within the status window", async () => {
    const key = await registerClient(gateway, 'ops-temp', { kind: 'operator', roles: ['hub:admin'] });
    const token = await tokenFor(gateway, 'ops-temp', key);
    const list = (at: Gateway) => admin(at, 'GET', '/v1/admin/api-clients?limit=1', bearer(token));
    expect((await list(gateway)).statusCode).toBe(200);
    expect((await list(replica)).statusCode).toBe(200);

    const disabled = await admin(replica, 'PATCH', '/v1/admin/api-clients/ops-temp', { 'x-api-key': TEST_ADMIN_KEY }, { active: false });
    expect(disabled.json().active).toBe(false);
    expect((await list(replica)).statusCode).toBe(401);
    // The other replica trusted the client's state for at most OAUTH_CLIENT_STATUS_TTL_MS.
    await expectEventually(async () => expect((await list(gateway)).statusCode).toBe(401));
    expect((await admin(gateway, 'GET', '/v1/admin/exchange-log/verify', bearer(token))).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
