import { rateLimitStoreCalls } from '../src/rate-limit/rate-limit.metrics';
import { closeReplica, registerClient, startFakeUpstream, startGateway, startReplica, TEST_ADMIN_KEY, type Gateway } from './support/gateway-harness';

// A generous Redis timeout: on a loaded machine a slow call would switch to the per-replica fallback (tested below).
const LIMITS = { RATE_LIMIT_WRITE: '5', RATE_LIMIT_PUBLIC: '3', RATE_LIMIT_READ: '50', RATE_LIMIT_REDIS_TIMEOUT_MS: '3000' };

describe('rate limits in Redis through the gateway', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let replica: Gateway;

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 201, body: {} }));
    gateway = await startGateway(upstream.url, LIMITS);
    replica = await startReplica(gateway, upstream.url, LIMITS);
    // Admin calls are limited per client too: the administrator that registers this spec's clients gets room for them.
    const roomy = await gateway.app.inject({ method: 'PATCH', url: '/v1/admin/api-clients/bootstrap-admin', headers: { 'x-api-key': TEST_ADMIN_KEY }, payload: { rateLimits: { write: 1000 } } });
    if (roomy.statusCode !== 200) throw new Error(`admin override: ${roomy.statusCode} ${roomy.body}`);
  });

  afterAll(async () => {
    if (replica) await closeReplica(replica);
    await gateway?.close();
    await upstream?.close();
  });

  const write = (g: Gateway, apiKey: string) => g.app.inject({ method: 'POST', url: '/v1/dossiers', headers: { 'x-api-key': apiKey }, payload: {} });
  /** An operator's override of a client's limits. */
  const override = (clientId: string, rateLimits: Record<string, number>) =>
    gateway.app.inject({ method: 'PATCH', url: `/v1/admin/api-clients/${clientId}`, headers: { 'x-api-key': TEST_ADMIN_KEY }, payload: { rateLimits } });

  it('shares one limit between two gateway replicas, with IETF headers and a 429 problem with Retry-After', async () => {
    const key = await registerClient(gateway, 'rl-shared');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await write(i % 2 === 0 ? gateway : replica, key)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);

    const first = await write(replica, key);
    expect(first.statusCode).toBe(429);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(first.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(first.headers['ratelimit-policy']).toBe('"write";q=5;w=60');
    expect(first.headers['ratelimit']).toMatch(/^"write";r=0;t=\d+$/);

    // Reads have their own budget.
    const read = await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': key } });
    expect(read.statusCode).toBe(201);
    expect(read.headers['ratelimit']).toBe('"read";r=49;t=2');
  });

  it('holds under a burst: of 40 concurrent writes exactly the limit is forwarded', async () => {
    const key = await registerClient(gateway, 'rl-burst');
    const forwarded = upstream.seen.length;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => write(i % 2 ? gateway : replica, key)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(35);
    expect(upstream.seen.length - forwarded).toBe(5);
  });

  it("shares Redis calls between a busy client's requests (leases), and still admits no more than its limit", async () => {
    const key = await registerClient(gateway, 'rl-leased');
    expect((await override('rl-leased', { write: 100 })).statusCode).toBe(200);
    const storeCalls = async () => (await rateLimitStoreCalls.get()).values.reduce((sum, v) => sum + v.value, 0);
    const callsBefore = await storeCalls();
    const forwardedBefore = upstream.seen.length;
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => write(i % 2 ? gateway : replica, key)));
    const forwarded = upstream.seen.length - forwardedBefore;
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(forwarded);
    expect(answers.filter((a) => a.statusCode !== 201 && a.statusCode !== 429)).toEqual([]);
    // 100 a minute refill one token every 600 ms: a slow run may see one or two more.
    expect(forwarded).toBeGreaterThanOrEqual(100);
    expect(forwarded).toBeLessThanOrEqual(102);
    // A lease holds up to 2 tokens at this limit (1/50 of it), and one refusal answers every request still waiting.
    const calls = (await storeCalls()) - callsBefore;
    expect(calls).toBeGreaterThanOrEqual(50);
    expect(calls).toBeLessThan(300 / 4);
  });

  it('limits anonymous catalogue reads per IP', async () => {
    const read = (ip: string) => gateway.app.inject({ method: 'GET', url: '/v1/procedures', remoteAddress: ip });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await read('127.0.0.7')).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await read('127.0.0.8')).statusCode).toBe(201);
  });

  it('limits payment callbacks per provider, whatever address they come from', async () => {
    const callback = (provider: string, ip: string) => gateway.app.inject({ method: 'POST', url: `/v1/payment-callbacks/${provider}`, remoteAddress: ip, payload: {} });
    const statuses = [];
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4']) statuses.push((await callback('vnpay', ip)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await callback('momo', '10.1.0.4')).statusCode).toBe(201);
  });

  it("applies an operator's per-client override", async () => {
    const key = await registerClient(gateway, 'rl-override');
    const patched = await override('rl-override', { write: 2 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().rateLimits).toEqual({ write: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await write(gateway, key)).statusCode);
    expect(statuses).toEqual([201, 201, 429]);
    const invalid = await override('rl-override', { write: 0, public: 5 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['rateLimits.public', 'rateLimits.write']);
  });

  it('keeps limiting per replica when Redis is unreachable, and reports degraded readiness', async () => {
    const cut = await startReplica(gateway, upstream.url, { ...LIMITS, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const key = await registerClient(cut, 'rl-no-redis');
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await write(cut, key)).statusCode);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      const ready = await cut.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().status).toBe('degraded');
      expect(ready.json().checks).toContainEqual({ name: 'rate-limit-store', status: 'degraded', reason: expect.stringContaining('Redis') });
      expect((await gateway.app.inject({ method: 'GET', url: '/health/ready' })).json().status).toBe('up');
    } finally {
      await closeReplica(cut);
    }
  });
});
