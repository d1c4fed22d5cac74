import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyIdentity, type IdentityPublicKeys } from '@hub/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { bootstrapAdminKeyHash } from '../src/api-client/bootstrap-admin';
import { GatewayConfig } from '../src/config/gateway.config';
import { uniqueRateLimitPrefix } from './support/gateway-harness';
import { GATEWAY_SERVICE, GatewayAppModule } from '../src/gateway-app.module';

const ADMIN_KEY = 'hub_0a1b2c3d_' + 'A'.repeat(43);

/** A stand-in service on loopback that records what the gateway sent it. */
function fakeService(keys: () => IdentityPublicKeys, onRequest: (req: { url: string; identity: ReturnType<typeof verifyIdentity>; body: string }) => { status: number; body: unknown; delayMs?: number }) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      // Verified as the dossier service would: for it, this method and this path.
      const identity = verifyIdentity(String(req.headers['x-hub-identity']), { keys: keys(), binding: { audience: 'dossier', method: req.method!, path: req.url! } });
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
    dossier = await fakeService(() => gateway.identityKeys, (req) => {
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
      GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: bootstrapAdminKeyHash(ADMIN_KEY),
        UPSTREAM_TIMEOUT_MS: '500',
        // Writes get longer than reads: the route class sets the timeout.
        UPSTREAM_TIMEOUT_WRITE_MS: '5000',
        RATE_LIMIT_KEY_PREFIX: uniqueRateLimitPrefix(),
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

  const admin = (method: 'PATCH' | 'POST', url: string, payload?: object, apiKey = ADMIN_KEY) =>
    gateway.app.inject({ method, url: `/v1/admin/api-clients/${url}`, headers: { 'x-api-key': apiKey }, ...(payload ? { payload } : {}) });
  const submitAs = (apiKey: string) => gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers: { 'x-api-key': apiKey }, payload: {} });

  it('rotates a key: the new key is returned once and the old one stops working at once', async () => {
    const oldKey = (await register('rotating-client')).json().apiKey;
    expect((await submitAs(oldKey)).statusCode).toBe(201); // now cached by the gateway

    const rotated = await admin('POST', 'rotating-client:rotate-key');
    expect(rotated.statusCode).toBe(200);
    const { apiKey: newKey, ...view } = rotated.json();
    expect(newKey).toMatch(/^hub_[0-9a-f]{8}_/);
    expect(newKey).not.toBe(oldKey);
    expect(view).toMatchObject({ clientId: 'rotating-client', roles: ['dossier:submit'], keyPrefix: newKey.slice(4, 12), active: true });

    const refused = await submitAs(oldKey);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('UNAUTHENTICATED');
    expect((await submitAs(newKey)).statusCode).toBe(201);
    expect(seen.at(-1)!.identity.clientId).toBe('rotating-client');
  });

  it('refuses to rotate or change an unknown client, a bad id, or without the admin role', async () => {
    const missing = await admin('POST', 'no-such-client:rotate-key');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('API_CLIENT_NOT_FOUND');
    expect((await admin('PATCH', 'no-such-client', { roles: [] })).json().code).toBe('API_CLIENT_NOT_FOUND');
    const badId = await admin('POST', 'Bad_Id:rotate-key');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([expect.objectContaining({ field: 'clientId', code: 'INVALID_FORMAT' })]);
    const plainKey = (await register('not-an-admin')).json().apiKey;
    expect((await admin('POST', 'not-an-admin:rotate-key', undefined, plainKey)).statusCode).toBe(403);
    expect((await admin('PATCH', 'not-an-admin', { roles: ['hub:admin'] }, plainKey)).statusCode).toBe(403);
  });

  it('changes roles, agencies and name; the next request carries them', async () => {
    const key = (await register('changing-roles')).json().apiKey;
    expect((await submitAs(key)).statusCode).toBe(201);
    expect(seen.at(-1)!.identity.roles).toEqual(['dossier:submit']);

    const res = await admin('PATCH', 'changing-roles', { roles: ['dossier:submit', 'dossier:read'], agencyCodes: ['000.00.16.H31'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ clientId: 'changing-roles', name: 'changing-roles', roles: ['dossier:submit', 'dossier:read'], agencyCodes: ['000.00.16.H31'], keyPrefix: key.slice(4, 12) });
    expect(res.json().apiKey).toBeUndefined();

    expect((await submitAs(key)).statusCode).toBe(201);
    expect(seen.at(-1)!.identity).toMatchObject({ roles: ['dossier:submit', 'dossier:read'], agencyCodes: ['000.00.16.H31'] });

    const invalid = await admin('PATCH', 'changing-roles', { roles: ['root'], kind: 'operator', apiKey: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`).sort()).toEqual(['apiKey UNKNOWN_FIELD', 'kind UNKNOWN_FIELD', 'roles IS_IN']);
  });

  it("gives a client registered without roles its kind's default roles", async () => {
    const { roles: _roles, ...withoutRoles } = { clientId: 'danang-one-stop', name: 'Đà Nẵng', kind: 'agency-system', agencyCodes: ['000.00.00.H48'], roles: [] };
    const agencySystem = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY }, payload: withoutRoles });
    expect(agencySystem.json().roles).toEqual(['dossier:sync', 'dossier:notice', 'dossier:read', 'dossier:feed', 'payment:read', 'rating:read', 'rating:submit', 'payment:refund']);
    const portal = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY }, payload: { ...withoutRoles, clientId: 'national-portal-2', kind: 'portal', agencyCodes: [] } });
    expect(portal.json().roles).toEqual(['dossier:submit', 'dossier:read', 'dossier:applicant-action', 'payment:read', 'rating:read', 'rating:submit', 'payment:create']);
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
    expect(tooLarge.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 1024 * 1024 });
    // The bulk import may carry up to 10 MiB: it passes the gateway (and meets the unreachable catalogue here).
    const records = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ code: `1.${i}`, name: 'x'.repeat(500) })));
    const bulk = await gateway.app.inject({ method: 'POST', url: '/v1/procedures:import', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: records });
    expect(bulk.statusCode).toBe(502);

    const malformed = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' }, payload: '{"clientId": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
  });

  it('enforces the JSON budget before forwarding, and takes only JSON on its own routes', async () => {
    const key = (await register('hostile-bodies')).json().apiKey;
    const forwarded = seen.length;
    const headers = { 'x-api-key': key, 'content-type': 'application/json', 'x-correlation-id': 'corr-deep' };
    const deep = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers, payload: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) });
    expect(deep.statusCode).toBe(400);
    expect(deep.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(deep.json()).toMatchObject({ code: 'JSON_TOO_DEEP', limit: 64, limitName: 'JSON_MAX_DEPTH', correlationId: 'corr-deep' });
    const ndjson = await gateway.app.inject({ method: 'POST', url: '/v1/procedures:import', headers: { ...headers, 'content-type': 'application/x-ndjson' }, payload: '{}\n' + '['.repeat(100) });
    expect(ndjson.json()).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    const longString = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers, payload: JSON.stringify({ a: 'x'.repeat(300 * 1024) }) });
    expect(longString.json()).toMatchObject({ status: 413, code: 'JSON_STRING_TOO_LONG', limit: 262144, actual: 300 * 1024 });
    expect(seen.length).toBe(forwarded);

    // Other types pass through to the service, which knows what each route takes.
    const text = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers: { ...headers, 'content-type': 'text/plain' }, payload: '['.repeat(100) + ']'.repeat(100) });
    expect(text.statusCode).toBe(201);
    expect(seen.length).toBe(forwarded + 1);

    const own = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'text/plain' }, payload: '{}' });
    expect(own.statusCode).toBe(415);
    expect(own.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const ownDeep = await gateway.app.inject({ method: 'POST', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' }, payload: '['.repeat(70) + ']'.repeat(70) });
    expect(ownDeep.json().code).toBe('JSON_TOO_DEEP');
    const unknown = await gateway.app.inject({ method: 'POST', url: '/v1/nothing-here', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(unknown.json().code).toBe('ROUTE_NOT_FOUND');
    // The proxy's catch-all does not hide the gateway's own path under another method.
    const wrongMethod = await gateway.app.inject({ method: 'DELETE', url: '/v1/admin/api-clients', headers: { 'x-api-key': ADMIN_KEY } });
    expect(wrongMethod.statusCode).toBe(405);
    expect(String(wrongMethod.headers.allow).split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(wrongMethod.json().code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers 504 when a service is too slow', async () => {
    const key = (await register('slow-caller')).json().apiKey;
    const res = await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/slow', headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(504);
    expect(res.json().code).toBe('UPSTREAM_TIMEOUT');
  });

  it('gives each route class its own upstream timeout: the same slow service answers a write in time', async () => {
    const key = (await register('slow-writer', { roles: ['dossier:submit'] })).json().apiKey;
    const write = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers/slow', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: {} });
    expect(write.statusCode).toBe(200);
    const read = await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/slow', headers: { 'x-api-key': key } });
    expect([read.statusCode, read.json().code]).toEqual([504, 'UPSTREAM_TIMEOUT']);
  });
});
