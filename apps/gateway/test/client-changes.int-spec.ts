import { generateKeyPairSync } from 'node:crypto';
import { expectEventually } from '@hub/testing';
import { closeReplica, registerClient, startFakeUpstream, startGateway, startReplica, TEST_ADMIN_KEY, type Gateway } from './support/gateway-harness';

const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
// Caches far longer than any wait below: only the Redis invalidation can explain another replica's change of mind.
const LONG_CACHES = { API_KEY_CACHE_TTL_MS: '600000', OAUTH_CLIENT_STATUS_TTL_MS: '60000', OAUTH_SIGNING_KEYS: SIGNING_KEY };
const WELL_BEFORE_THE_TTL = { timeoutMs: 5_000, intervalMs: 50 };

/** A client changed on one replica (key revoked or rotated, disabled, roles) is seen by another replica at once, through Redis pub/sub. */
describe('client changes across gateway replicas', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let a: Gateway;
  let b: Gateway;

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: {} }));
    a = await startGateway(upstream.url, LONG_CACHES);
    b = await startReplica(a, upstream.url, LONG_CACHES);
  });

  afterAll(async () => {
    if (b) await closeReplica(b);
    await a?.close();
    await upstream?.close();
  });

  const read = (at: Gateway, headers: Record<string, string>) => at.app.inject({ method: 'GET', url: '/v1/admin/api-clients?limit=1', headers });
  const asAdmin = (at: Gateway, method: 'PATCH' | 'POST', url: string, payload: object) =>
    at.app.inject({ method, url: `/v1/admin/api-clients/${url}`, headers: { 'x-api-key': TEST_ADMIN_KEY }, payload });
  const operator = (at: Gateway, clientId: string) => registerClient(at, clientId, { kind: 'operator', roles: ['hub:admin'] });
  const tokenFor = async (at: Gateway, clientId: string, secret: string): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    const res = await at.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    if (res.statusCode !== 200) throw new Error(`token for ${clientId}: ${res.statusCode} ${res.body}`);
    return res.json().access_token;
  };
  const statusOn = async (at: Gateway, headers: Record<string, string>) => (await read(at, headers)).statusCode;

  it('refuses a revoked key on the other replica at once, and accepts the new one there', async () => {
    const oldKey = await operator(a, 'cc-revoked');
    expect(await statusOn(b, { 'x-api-key': oldKey })).toBe(200); // now in B's cache for 10 minutes

    const rotated = await asAdmin(a, 'POST', 'cc-revoked:rotate-key', { gracePeriodSeconds: 0 });
    expect(rotated.statusCode).toBe(200);
    await expectEventually(async () => expect(await statusOn(b, { 'x-api-key': oldKey })).toBe(401), WELL_BEFORE_THE_TTL);
    expect((await read(b, { 'x-api-key': oldKey })).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await statusOn(b, { 'x-api-key': rotated.json().apiKey })).toBe(200);
  });

  it('keeps a rotated key working on the other replica for its grace period', async () => {
    const oldKey = await operator(a, 'cc-graced');
    expect(await statusOn(b, { 'x-api-key': oldKey })).toBe(200);
    const rotated = await asAdmin(a, 'POST', 'cc-graced:rotate-key', { gracePeriodSeconds: 3600 });
    expect(rotated.statusCode).toBe(200);
    expect(await statusOn(b, { 'x-api-key': rotated.json().apiKey })).toBe(200);
    expect(await statusOn(b, { 'x-api-key': oldKey })).toBe(200);
  });

  it("stops a disabled client's key and token on the other replica at once", async () => {
    const key = await operator(b, 'cc-disabled');
    const token = await tokenFor(b, 'cc-disabled', key);
    expect(await statusOn(b, { 'x-api-key': key })).toBe(200);
    expect(await statusOn(b, { authorization: `Bearer ${token}` })).toBe(200);

    expect((await asAdmin(a, 'PATCH', 'cc-disabled', { active: false })).json().active).toBe(false);
    await expectEventually(async () => {
      expect(await statusOn(b, { 'x-api-key': key })).toBe(401);
      expect(await statusOn(b, { authorization: `Bearer ${token}` })).toBe(401);
    }, WELL_BEFORE_THE_TTL);
  });

  it('applies changed roles on the other replica at once', async () => {
    const key = await operator(a, 'cc-demoted');
    expect(await statusOn(b, { 'x-api-key': key })).toBe(200);
    expect((await asAdmin(a, 'PATCH', 'cc-demoted', { roles: ['audit:read'] })).statusCode).toBe(200);
    await expectEventually(async () => expect(await statusOn(b, { 'x-api-key': key })).toBe(403), WELL_BEFORE_THE_TTL);
  });

  it('without Redis, applies a change on its own replica at once and reports degraded readiness', async () => {
    const cut = await startReplica(a, upstream.url, { ...LONG_CACHES, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const key = await operator(cut, 'cc-no-redis');
      expect(await statusOn(cut, { 'x-api-key': key })).toBe(200);
      expect((await asAdmin(cut, 'PATCH', 'cc-no-redis', { active: false })).statusCode).toBe(200);
      expect(await statusOn(cut, { 'x-api-key': key })).toBe(401);
      const ready = (await cut.app.inject({ method: 'GET', url: '/health/ready' })).json();
      expect(ready.checks).toContainEqual({ name: 'client-changes', status: 'degraded', reason: expect.stringContaining('Redis') });
      expect((await a.app.inject({ method: 'GET', url: '/health/ready' })).json().checks).toContainEqual({ name: 'client-changes', status: 'up' });
    } finally {
      await closeReplica(cut);
    }
  });
});
