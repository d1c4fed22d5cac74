import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expectEventually } from '@hub/testing';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { registerClient, startFakeUpstream, startGateway, TEST_ADMIN_KEY, type Gateway } from './support/gateway-harness';

const ISSUER = 'https://hub.test';
const newKey = () => generateKeyPairSync('ed25519').privateKey;
const der = (key: KeyObject) => key.export({ format: 'der', type: 'pkcs8' }).toString('base64');

describe('OAuth2 client credentials through the gateway', () => {
  const current = newKey();
  const previous = newKey();
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let apiKey: string;

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: {} }));
    gateway = await startGateway(upstream.url, { OAUTH_ISSUER: ISSUER, OAUTH_SIGNING_KEYS: `${der(current)},${der(previous)}`, OAUTH_CLIENT_STATUS_TTL_MS: '300' });
    apiKey = await registerClient(gateway, 'oauth-portal', { roles: ['dossier:submit', 'dossier:read'], agencyCodes: ['000.00.15.H31'], kind: 'agency-system' });
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const tokenByForm = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    gateway.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(form).toString() });
  const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
  const callWith = (token: string) => gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { authorization: `Bearer ${token}` } });
  const forge = (claims: Record<string, unknown>, key: KeyObject = current, header: Record<string, unknown> = {}) =>
    new SignJWT({ kind: 'agency-system', agency_codes: [], roles: ['dossier:read'], ...claims })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', ...header })
      .setIssuer(ISSUER)
      .setAudience('hub-api')
      .setSubject('oauth-portal')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('issues a short-lived EdDSA token by HTTP Basic; it carries the same identity as the API key', async () => {
    const res = await tokenByForm({ grant_type: 'client_credentials' }, basic('oauth-portal', apiKey));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { access_token, token_type, expires_in, scope } = res.json();
    expect({ token_type, expires_in, scope }).toEqual({ token_type: 'Bearer', expires_in: 600, scope: 'dossier:submit dossier:read' });
    const claims = decodeJwt(access_token);
    expect(claims).toMatchObject({ iss: ISSUER, aud: 'hub-api', sub: 'oauth-portal', agency_codes: ['000.00.15.H31'], roles: ['dossier:submit', 'dossier:read'] });
    expect(claims.jti).toEqual(expect.any(String));
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);
    const jwks = (await gateway.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0].kid).toBe(decodeProtectedHeader(access_token).kid);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);

    expect((await callWith(access_token)).statusCode).toBe(200);
    const viaToken = upstream.seen.at(-1)!.headers['x-hub-identity'];
    await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': apiKey } });
    // `v2.<kid>.<claims>.<signature>`: the claims (the services verify the signature; here only what it carries counts).
    const identityOf = (header: unknown) => JSON.parse(Buffer.from(String(header).split('.')[2], 'base64url').toString()) as Record<string, unknown>;
    const { clientId, kind, agencyCodes, roles } = identityOf(viaToken);
    expect({ clientId, kind, agencyCodes, roles }).toMatchObject({ clientId: 'oauth-portal', kind: 'agency-system', agencyCodes: ['000.00.15.H31'] });
    expect(identityOf(upstream.seen.at(-1)!.headers['x-hub-identity'])).toMatchObject({ clientId, kind, agencyCodes });
  });

  it('takes form credentials and a scope subset; refuses a wider scope, another grant and bad credentials', async () => {
    const scoped = await tokenByForm({ grant_type: 'client_credentials', client_id: 'oauth-portal', client_secret: apiKey, scope: 'dossier:read' });
    expect(scoped.json().scope).toBe('dossier:read');
    expect(decodeJwt(scoped.json().access_token).roles).toEqual(['dossier:read']);
    expect((await tokenByForm({ grant_type: 'client_credentials', scope: 'hub:admin' }, basic('oauth-portal', apiKey))).json()).toMatchObject({ status: 400, code: 'INVALID_SCOPE', error: 'invalid_scope' });
    const unsupported = (await tokenByForm({ grant_type: 'password' }, basic('oauth-portal', apiKey))).json();
    expect(unsupported).toMatchObject({ status: 400, code: 'UNSUPPORTED_GRANT_TYPE', error: 'unsupported_grant_type', message: { en: 'Only the client_credentials grant is supported' } });
    expect(unsupported).not.toHaveProperty('detail');
    for (const credentials of [basic('oauth-portal', 'hub_0a1b2c3d_' + 'Z'.repeat(43)), basic('other-client', apiKey), {}]) {
      const refused = await tokenByForm({ grant_type: 'client_credentials' }, credentials);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'INVALID_CLIENT', error: 'invalid_client', detail: 'The client credentials are missing, invalid or revoked.' });
      expect(refused.headers['www-authenticate']).toBe('Basic realm="hub"');
    }
    const metadata = (await gateway.app.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' })).json();
    expect(metadata).toMatchObject({ issuer: ISSUER, token_endpoint: `${ISSUER}/oauth/token`, grant_types_supported: ['client_credentials'] });
  });

  it('accepts tokens of the previous key during a rotation', async () => {
    const [, previousJwk] = (await gateway.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys;
    expect((await callWith(await forge({}, previous, { kid: previousJwk.kid }))).statusCode).toBe(200);
  });

  it('answers every bad token with the same 401 problem and forwards nothing', async () => {
    const forwarded = upstream.seen.length;
    const valid = await forge({});
    const [h, p] = valid.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${p}.`;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(valid), roles: ['hub:admin'] })).toString('base64url')}.${valid.split('.')[2]}`;
    const wrongAudience = await new SignJWT({ kind: 'portal', agency_codes: [], roles: [] }).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' }).setIssuer(ISSUER).setAudience('other').setSubject('oauth-portal').setJti('j').setExpirationTime('5m').sign(current);
    const expired = await forge({ exp: Math.floor(Date.now() / 1000) - 60 });
    const unknownKey = await forge({}, newKey());
    const answers = await Promise.all([none, tampered, wrongAudience, expired, unknownKey, 'not-a-jwt'].map(callWith));
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'The credentials are missing, invalid, expired or revoked.' });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="hub"');
    }
    expect(upstream.seen.length).toBe(forwarded);
  });

  it("stops a disabled client's tokens within the status TTL, and its API key at once", async () => {
    const key = await registerClient(gateway, 'oauth-disabled');
    const token = (await tokenByForm({ grant_type: 'client_credentials' }, basic('oauth-disabled', key))).json().access_token;
    expect((await callWith(token)).statusCode).toBe(200);
    const disabled = await gateway.app.inject({ method: 'PATCH', url: '/v1/admin/api-clients/oauth-disabled', headers: { 'x-api-key': TEST_ADMIN_KEY }, payload: { active: false } });
    expect(disabled.json().active).toBe(false);
    expect((await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': key } })).statusCode).toBe(401);
    await expectEventually(async () => expect((await callWith(token)).statusCode).toBe(401));
  });
});
