import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { GatewayConfig } from '../src/config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule } from '../src/gateway-app.module';

const DOCS = join(__dirname, '../../../docs/standard');
const NOWHERE = 'http://127.0.0.1:9'; // nothing listens on the discard port: serving the standard needs no service

describe('gateway: the published data-packet standard', () => {
  let gateway: ServiceUnderTest<GatewayConfig>;

  beforeAll(async () => {
    gateway = await startServiceUnderTest({
      service: GATEWAY_SERVICE,
      configClass: GatewayConfig,
      module: GatewayAppModule.forRoot,
      env: { CATALOGUE_URL: NOWHERE, DOSSIER_URL: NOWHERE, PAYMENT_URL: NOWHERE, RATING_URL: NOWHERE, STANDARD_DIR: DOCS },
    });
  });

  afterAll(() => gateway?.close());

  const get = (url: string, headers: Record<string, string> = {}) => gateway.app.inject({ method: 'GET', url, headers });

  it('serves the AsyncAPI document and the index to anyone, cacheable, with an ETag that answers 304', async () => {
    const res = await get('/standard/asyncapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body).toBe(readFileSync(join(DOCS, 'asyncapi.json'), 'utf8'));
    expect(res.json().asyncapi).toBe('3.0.0');
    const again = await get('/standard/asyncapi.json', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/standard/asyncapi.json', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
    expect((await get('/standard/index.json')).json().events.length).toBeGreaterThan(0);
  });

  it('serves every schema the index lists as application/schema+json', async () => {
    const index = (await get('/standard/index.json')).json() as { events: { payloadSchema: string; headersSchema: string }[] };
    for (const path of index.events.flatMap((e) => [e.payloadSchema, e.headersSchema])) {
      const res = await get(`/standard/${path}`);
      expect([path, res.statusCode, res.headers['content-type']]).toEqual([path, 200, 'application/schema+json; charset=utf-8']);
      expect(res.json().$id).toBe(`/standard/${path}`);
    }
  });

  it('answers a problem+json 404 for anything else, including paths that try to leave the directory', async () => {
    for (const url of ['/standard/schemas/events/nope.v1.payload.json', '/standard/schemas/../../../package.json', '/standard/schemas/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get('/standard/schemas/events/nope.v1.payload.json')).json().code).toBe('STANDARD_DOCUMENT_NOT_FOUND');
    // Fastify refuses a malformed escape before routing (with its own JSON error, as on every route).
    expect((await get('/standard/schemas/%E0')).statusCode).toBe(400);
  });
});
