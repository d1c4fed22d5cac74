import { createHash } from 'node:crypto';
import { loadConfig, verifyIdentity, type CallerIdentity } from '@hub/platform';
import { DataSource } from 'typeorm';
import { generateApiKey } from '../src/api-client/api-key';
import { bootstrapAdminKeyHash } from '../src/api-client/bootstrap-admin';
import { GatewayConfig } from '../src/config/gateway.config';
import { closeReplica, registerClient, startFakeUpstream, startGateway, startReplica, TEST_ADMIN_KEY, type Gateway } from './support/gateway-harness';

/** Who may do what (issue 11): the policy at registration and at use, and the lifecycle of clients. */
describe('access policy and client lifecycle (real PostgreSQL)', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    gateway = await startGateway(upstream.url);
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const admin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, apiKey = TEST_ADMIN_KEY) =>
    gateway.app.inject({ method, url: `/v1/admin/${url}`, headers: { 'x-api-key': apiKey }, ...(payload ? { payload } : {}) });
  const register = (payload: object) => admin('POST', 'api-clients', { name: 'n', agencyCodes: [], ...payload });
  const read = (apiKey: string) => gateway.app.inject({ method: 'GET', url: '/v1/dossiers/000.00.15.H31-260112-0001', headers: { 'x-api-key': apiKey } });
  // Every request these tests forward is a dossier read: the identity is bound to the dossier service.
  const lastIdentity = (): CallerIdentity => {
    const seen = upstream.seen.at(-1)!;
    return verifyIdentity(seen.headers['x-hub-identity'] as string, { keys: gateway.identityKeys, binding: { audience: 'dossier', method: seen.method, path: seen.url } });
  };
  const errorsOf = (res: { json(): { errors: Array<{ field: string; code: string }> } }) => res.json().errors.map((e) => `${e.field} ${e.code}`);

  it('refuses a payment provider with dossier:read, and any role its kind may not hold, at registration', async () => {
    const provider = await register({ clientId: 'pay-with-read', kind: 'payment-provider', roles: ['dossier:read'] });
    expect(provider.statusCode).toBe(400);
    expect(provider.json()).toMatchObject({ code: 'ACCESS_POLICY_VIOLATION' });
    expect(errorsOf(provider)).toEqual(['roles.0 ROLE_NOT_ALLOWED_FOR_KIND']);
    const system = await register({ clientId: 'system-writes-catalogue', kind: 'agency-system', agencyCodes: ['000.00.15.H31'], roles: ['status-mapping:write', 'catalogue:write'] });
    expect(errorsOf(system)).toEqual(['roles.1 ROLE_NOT_ALLOWED_FOR_KIND']);
    expect(errorsOf(await register({ clientId: 'portal-with-agency', kind: 'portal', agencyCodes: ['000.00.15.H31'], roles: [] }))).toEqual(['agencyCodes AGENCY_CODES_NOT_ALLOWED']);
    expect(errorsOf(await register({ clientId: 'system-no-agency', kind: 'agency-system', roles: [] }))).toEqual(['agencyCodes AGENCY_CODES_REQUIRED']);
    // Nothing was stored for any of them.
    expect((await admin('GET', 'api-clients/pay-with-read')).statusCode).toBe(404);
    // A change is checked on the client as it would be afterwards.
    await registerClient(gateway, 'portal-to-widen');
    const widened = await admin('PATCH', 'api-clients/portal-to-widen', { roles: ['dossier:sync'] });
    expect(errorsOf(widened)).toEqual(['roles.0 ROLE_NOT_ALLOWED_FOR_KIND']);
  });

  it('refuses more agency codes than the signed identity carries, and still serves a client at the limit', async () => {
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `${String(100 + Math.floor(i / 100)).padStart(3, '0')}.${String(i % 100).padStart(2, '0')}.00.H31`);
    const tooMany = await register({ clientId: 'too-many-agencies', kind: 'agency-system', agencyCodes: codes(201), roles: ['dossier:read'] });
    expect(tooMany.statusCode).toBe(400);
    expect(errorsOf(tooMany)).toEqual(['agencyCodes TOO_MANY_AGENCY_CODES']);
    // ~370 codes used to be accepted and then lock the client out: 200 codes (every one 13 characters) still pass.
    const atLimit = await register({ clientId: 'at-the-limit', kind: 'agency-system', agencyCodes: codes(200), roles: ['dossier:read', 'dossier:sync', 'dossier:notice', 'dossier:feed', 'payment:read', 'rating:read', 'rating:submit', 'status-mapping:write', 'dossier:submit'] });
    expect(atLimit.statusCode).toBe(201);
    expect((await read(atLimit.json().apiKey)).statusCode).toBe(200);
    expect(lastIdentity().agencyCodes).toHaveLength(200);
  });

  it('grants nothing from a role its kind may not hold, even if an older registration stored it', async () => {
    // Registered before the policy existed: written straight to the table.
    const legacy = generateApiKey();
    await gateway.app.get(DataSource).query(
      `INSERT INTO api_client (client_id, name, kind, agency_codes, roles, key_prefix, key_hash, active, created_at) VALUES ('legacy-provider', 'legacy', 'payment-provider', '{}', '{dossier:read,payment:read}', $1, $2, true, now())`,
      [legacy.prefix, legacy.hash],
    );
    expect((await read(legacy.key)).statusCode).toBe(200); // the fake service answers anything
    expect(lastIdentity()).toMatchObject({ clientId: 'legacy-provider', kind: 'payment-provider', roles: [] });
  });

  it('lists clients, disables one, expires one, and keeps a rotated key for its grace period only', async () => {
    const key = await registerClient(gateway, 'lifecycle-portal');
    const page = (await admin('GET', 'api-clients?kind=portal&limit=100')).json();
    expect(page.items.map((c: { clientId: string }) => c.clientId)).toContain('lifecycle-portal');
    expect(JSON.stringify(page)).not.toMatch(/hub_[0-9a-f]{8}_/);
    expect((await admin('GET', 'api-clients/lifecycle-portal')).json()).toMatchObject({ clientId: 'lifecycle-portal', active: true, expiresAt: null, previousKeyPrefix: null });

    const rotated = await admin('POST', 'api-clients/lifecycle-portal:rotate-key', { gracePeriodSeconds: 3600 });
    expect(rotated.statusCode).toBe(200);
    const newKey: string = rotated.json().apiKey;
    expect(rotated.json()).toMatchObject({ keyPrefix: newKey.slice(4, 12), previousKeyPrefix: key.slice(4, 12) });
    expect((await read(key)).statusCode).toBe(200);
    expect((await read(newKey)).statusCode).toBe(200);
    // Grace over (moved into the past in the database, as time would): the old key stops, the new one works.
    await gateway.app.get(DataSource).query(`UPDATE api_client SET previous_key_expires_at = now() - interval '1 second' WHERE client_id = 'lifecycle-portal'`);
    const replica = await startReplica(gateway, upstream.url); // a replica with no cached keys
    try {
      const old = await replica.app.inject({ method: 'GET', url: '/v1/dossiers/000.00.15.H31-260112-0001', headers: { 'x-api-key': key } });
      expect(old.statusCode).toBe(401);
      const fresh = await replica.app.inject({ method: 'GET', url: '/v1/dossiers/000.00.15.H31-260112-0001', headers: { 'x-api-key': newKey } });
      expect(fresh.statusCode).toBe(200);
    } finally {
      await closeReplica(replica);
    }

    // Rotation without grace (a leaked key): the previous key stops at once.
    const leaked = (await admin('POST', 'api-clients/lifecycle-portal:rotate-key')).json().apiKey as string;
    expect((await read(newKey)).statusCode).toBe(401);
    expect((await read(leaked)).statusCode).toBe(200);

    expect(errorsOf(await admin('PATCH', 'api-clients/lifecycle-portal', { expiresAt: '2020-01-01T00:00:00+07:00' }))).toEqual(['expiresAt EXPIRES_AT_IN_PAST']);
    const soon = new Date(Date.now() + 1500).toISOString();
    expect((await admin('PATCH', 'api-clients/lifecycle-portal', { expiresAt: soon })).json()).toMatchObject({ expiresAt: soon });
    expect((await read(leaked)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await read(leaked)).statusCode).toBe(401);
    await admin('PATCH', 'api-clients/lifecycle-portal', { expiresAt: null });
    expect((await read(leaked)).statusCode).toBe(200);
    await admin('PATCH', 'api-clients/lifecycle-portal', { active: false });
    expect((await read(leaked)).statusCode).toBe(401);
    expect((await admin('GET', 'api-clients?active=false')).json().items.map((c: { clientId: string }) => c.clientId)).toContain('lifecycle-portal');
  });

  it('audits every administrative action with who, what and when; operators with audit:read may query it', async () => {
    await registerClient(gateway, 'audited-portal');
    const updated = await admin('PATCH', 'api-clients/audited-portal', { roles: ['dossier:read'] });
    const rotated = await admin('POST', 'api-clients/audited-portal:rotate-key');
    const entries = (await admin('GET', 'audit?targetClientId=audited-portal')).json();
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['api-client.registered', 'api-client.updated', 'api-client.key-rotated']);
    // Each entry names the request that made the change (its x-correlation-id), to find it in the logs.
    expect(entries.slice(1).map((e: { correlationId: string }) => e.correlationId)).toEqual([updated.headers['x-correlation-id'], rotated.headers['x-correlation-id']]);
    expect(entries[0].correlationId).toEqual(expect.any(String));
    expect(entries[1]).toMatchObject({ actorClientId: 'bootstrap-admin', details: { roles: { from: ['dossier:submit', 'dossier:read'], to: ['dossier:read'] } } });
    expect(JSON.stringify(entries)).not.toMatch(/hub_[0-9a-f]{8}_|[0-9a-f]{64}/);
    // The trail is append-only.
    await expect(gateway.app.get(DataSource).query(`DELETE FROM admin_audit`)).rejects.toThrow(/append-only/);

    const auditor = await register({ clientId: 'auditor', kind: 'operator', roles: ['audit:read'] });
    expect((await admin('GET', 'audit?targetClientId=audited-portal', undefined, auditor.json().apiKey)).statusCode).toBe(200);
    expect((await admin('GET', 'api-clients', undefined, auditor.json().apiKey)).statusCode).toBe(403);
  });

  it('takes the bootstrap admin as a hash, never in clear; once disabled it stays disabled on restart with the same hash', async () => {
    const env = Object.fromEntries(Object.entries(gateway.config).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    expect(() => loadConfig(GatewayConfig, env)).not.toThrow();
    expect(() => loadConfig(GatewayConfig, { ...env, GATEWAY_BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY })).toThrow(/GATEWAY_BOOTSTRAP_ADMIN_KEY: .*in clear.* is refused/);
    expect(() => loadConfig(GatewayConfig, { ...env, GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: createHash('sha256').update(TEST_ADMIN_KEY).digest('hex') })).toThrow(/GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: .*must be/);

    // The bootstrap admin creates a real admin, which disables the bootstrap admin.
    const realAdmin = (await register({ clientId: 'real-admin', kind: 'operator', roles: ['hub:admin'] })).json().apiKey as string;
    expect((await admin('PATCH', 'api-clients/bootstrap-admin', { active: false }, realAdmin)).statusCode).toBe(200);
    expect((await admin('GET', 'api-clients', undefined, TEST_ADMIN_KEY)).statusCode).toBe(401);
    const restarted = await startReplica(gateway, upstream.url); // starts with the same GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH
    try {
      expect((await restarted.app.inject({ method: 'GET', url: '/v1/admin/api-clients', headers: { 'x-api-key': TEST_ADMIN_KEY } })).statusCode).toBe(401);
      // A deliberately new bootstrap key (every admin lost) re-keys and enables it, and says so in the audit.
      const newBootstrap = generateApiKey().key;
      const rebooted = await startReplica(gateway, upstream.url, { GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: bootstrapAdminKeyHash(newBootstrap) });
      try {
        expect((await rebooted.app.inject({ method: 'GET', url: '/v1/admin/api-clients', headers: { 'x-api-key': newBootstrap } })).statusCode).toBe(200);
        const audit = (await admin('GET', 'audit?targetClientId=bootstrap-admin', undefined, realAdmin)).json();
        expect(audit.map((e: { action: string }) => e.action)).toEqual(['bootstrap-admin.created', 'api-client.updated', 'bootstrap-admin.rekeyed']);
      } finally {
        await closeReplica(rebooted);
      }
    } finally {
      await closeReplica(restarted);
    }
  });
});
