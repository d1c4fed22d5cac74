import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyIdentity } from '@hub/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { GatewayConfig } from '../src/config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule } from '../src/gateway-app.module';

const ADMIN_KEY = 'hub_0a1b2c3d_' + 'A'.repeat(43);

/** A stand-in service on loopback that records what the gateway sent it. */
function fakeService(signingKey: () => string, onRequest: (req: { url: string; identity: ReturnType<typeof verifyIdentity>; body: string }) => { status: number; body: unknown; delayMs?: number }) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const identity = verifyIdentity(String(req.headers['x-hub-identity']), signingKey());
      const out = onRequest({ url: req.url!, identity, body });
      setTimeout(() => {
        res.writeHead(out.status, { 'content-type': 'application/json', 'x-correlation-id': String(req.headers['x-correlation-id']) });
        res.end(JSON.stringify(out.body));
      }, out.delayMs ?? 0);
    });
  });
  return new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('gateway against real PostgreSQL', () => {
  let gateway: ServiceUnderTest<GatewayConfig>;
  let dossier: Server;
  const seen: { url: string; identity: ReturnType<typeof verifyIdentity>; body: string }[] = [];

  beforeAll(async () => {
    dossier = await fakeService(() => gateway.config.IDENTITY_SIGNING_KEY, (req) => {
      seen.push(req);
      if (req.url.includes('slow')) return { status: 200, body: {}, delayMs: 1500 };
      return { status: 201, body: { echoed: req.body ? JSON.parse(req.body) : null } };
    });
    gateway = await startServiceUnderTest({
      service: GATEWAY_SERVICE,
      configClass: GatewayConfig,
      module: GatewayAppModule.forRoot,
      env: {
        CATALOGUE_URL: 'http://127.0.0.1:9', // nothing listens on the discard port
      DOSSIER_URL: `http://127.0.0.1:${(dossier.address() as AddressInfo).port}`,
      PAYMENT_URL: 'http://127.0.0.1:9',
      RATING_URL: 'http://127.0.0.1:9',
      GATEWAY_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
        UPSTREAM_TIMEOUT_MS: '500',
      },
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((r) => dossier?.close(r));
  });

  const register = (clientId: string, extra: object = {}) =>
    gateway.app.inject({
      method: 'POST',
      url: '/v1/admin/api-clients',
      headers: { 'x-api-key': ADMIN_KEY },
      payload: { clientId, name: clientId, kind: 'agency-system', roles: ['dossier:submit'], agencyCodes: ['000.00.15.H31'], ...extra },
    });

  it('registers clients with the bootstrap admin key; the key is returned once and a duplicate id is a 409', async () => {
    const res = await register('hanoi-one-stop');
    expect(res.statusCode).toBe(201);
    expect(res.json().apiKey).toMatch(/^hub_[0-9a-f]{8}_/);
    const again = await register('hanoi-one-stop');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('API_CLIENT_EXISTS');
    expect((await register('bad', { roles: ['root'], kind: 'public' })).json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'roles']);
    expect((await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', payload: {} })).statusCode).toBe(401);
    // A valid key without the admin role may not register clients.
    const notAdmin = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': res.json().apiKey }, payload: {} });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().code).toBe('FORBIDDEN');
  });

  it("gives a client registered without roles its kind's default roles", async () => {
    const { roles: _roles, ...withoutRoles } = { clientId: 'danang-one-stop', name: 'Đà Nẵng', kind: 'agency-system', agencyCodes: ['000.00.00.H48'], roles: [] };
    const agencySystem = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY }, payload: withoutRoles });
    expect(agencySystem.json().roles).toEqual(['dossier:sync', 'dossier:notice', 'dossier:read', 'dossier:feed', 'payment:read', 'rating:read']);
    const portal = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY }, payload: { ...withoutRoles, clientId: 'national-portal-2', kind: 'portal', agencyCodes: [] } });
    expect(portal.json().roles).toEqual(['dossier:submit', 'dossier:read', 'dossier:applicant-action', 'payment:read', 'rating:read']);
    expect((await register('explicit-roles', { roles: ['dossier:read'] })).json().roles).toEqual(['dossier:read']);
  });

  it('forwards with the verified identity signed, the body and the correlation id', async () => {
    const key = (await register('quangtri-one-stop', { agencyCodes: ['000.00.00.H55'] })).json().apiKey;
    const res = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers?x=1', headers: { 'x-api-key': key, 'x-correlation-id': 'corr-123' }, payload: { a: 'á' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ echoed: { a: 'á' } });
    expect(res.headers['x-correlation-id']).toBe('corr-123');
    expect(seen.at(-1)).toMatchObject({ url: '/v1/dossiers?x=1', identity: { clientId: 'quangtri-one-stop', kind: 'agency-system', agencyCodes: ['000.00.00.H55'] } });
  });

  it('refuses unknown keys and anonymous writes, but lets anyone read the public catalogue', async () => {
    expect((await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', payload: {} })).statusCode).toBe(401);
    expect((await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': 'hub_0a1b2c3d_' + 'B'.repeat(43) } })).statusCode).toBe(401);
    // Anonymous catalogue read is allowed through; here the catalogue is down, so the answer is a 502 problem.
    const res = await gateway.app.inject({ method: 'GET', url: '/v1/procedures' });
    expect(res.statusCode).toBe(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await gateway.app.inject({ method: 'GET', url: '/v1/nothing-here' })).json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('forwards bodies byte for byte and enforces body limits per route', async () => {
    const key = (await register('body-limits')).json().apiKey;
    const raw = '{ "a" :  "á",\n "b": [1, 2] }';
    const res = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: raw });
    expect(res.statusCode).toBe(201);
    expect(seen.at(-1)!.body).toBe(raw);

    const big = JSON.stringify({ blob: 'x'.repeat(1_500_000) });
    const tooLarge = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: big });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('PAYLOAD_TOO_LARGE');
    // The bulk import may carry up to 10 MiB: it passes the gateway (and meets the unreachable catalogue here).
    const bulk = await gateway.app.inject({ method: 'POST', url: '/v1/procedures:import', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: big });
    expect(bulk.statusCode).toBe(502);

    const malformed = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' }, payload: '{"clientId": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
  });

  it('answers 504 when a service is too slow', async () => {
    const key = (await register('slow-caller')).json().apiKey;
    const res = await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/slow', headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(504);
    expect(res.json().code).toBe('UPSTREAM_TIMEOUT');
  });
});
