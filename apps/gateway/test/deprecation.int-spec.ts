import type { Deprecation } from '../src/proxy/deprecations';
import { registerClient, startFakeUpstream, startGateway, type Gateway } from './support/gateway-harness';

const ORIGIN = 'https://portal.example.vn';
const HISTORY_NOTE = 'https://hub.example.vn/docs/migrations/dossier-history';
const AGENCY_NOTE = 'https://hub.example.vn/docs/migrations/dossier-list-agency';

/** Nothing in /v1 is deprecated yet: the test deprecates an operation and a query parameter of its own table. */
const TABLE: Deprecation[] = [
  { method: 'GET', path: '/v1/dossiers/{code}/history', since: '2026-07-01', sunset: '2027-01-01', link: HISTORY_NOTE },
  { method: 'GET', path: '/v1/dossiers', field: { in: 'query', name: 'agency' }, since: '2026-09-01', sunset: '2027-03-01', link: AGENCY_NOTE },
];

/** The services' documents, as the gateway merges them: the deprecated operations and one that is not. */
const SERVICE_DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'dossier', version: '1' },
  paths: {
    '/v1/dossiers': {
      get: {
        operationId: 'listDossiers',
        parameters: [
          { name: 'agency', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'status', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'ok' } },
      },
    },
    '/v1/dossiers/{code}': { get: { operationId: 'getDossier', responses: { 200: { description: 'ok' } } } },
    '/v1/dossiers/{code}/history': { get: { operationId: 'dossierHistory', responses: { 200: { description: 'ok' } } } },
  },
};

describe('a deprecated /v1 operation and field through the gateway', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let key: string;

  beforeAll(async () => {
    upstream = await startFakeUpstream((req) => (req.url === '/docs-json' ? { status: 200, body: SERVICE_DOCUMENT } : { status: 200, body: { items: [] } }));
    gateway = await startGateway(upstream.url, { CORS_ORIGINS: ORIGIN }, { deprecations: TABLE });
    key = await registerClient(gateway, 'deprecation-portal');
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const get = (url: string) => gateway.app.inject({ method: 'GET', url, headers: { 'x-api-key': key, origin: ORIGIN } });

  it('answers a deprecated operation with Deprecation, Sunset and Link headers, readable by a browser', async () => {
    const res = await get('/v1/dossiers/000.00.15.H31-260112-0001/history');
    expect(res.statusCode).toBe(200);
    expect(res.headers.deprecation).toBe(`@${Date.parse('2026-07-01T00:00:00Z') / 1000}`);
    expect(res.headers.sunset).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    expect(res.headers.link).toBe(`<${HISTORY_NOTE}>; rel="deprecation", <${HISTORY_NOTE}>; rel="sunset"`);
    expect(String(res.headers['access-control-expose-headers']).split(', ')).toEqual(expect.arrayContaining(['deprecation', 'sunset', 'link']));
    expect(upstream.seen.at(-1)!.url).toBe('/v1/dossiers/000.00.15.H31-260112-0001/history');
  });

  it('marks a deprecated query parameter only when the request uses it', async () => {
    const withParam = await get('/v1/dossiers?agency=000.00.15.H31&status=RECEIVED');
    expect(withParam.statusCode).toBe(200);
    expect(withParam.headers).toMatchObject({ deprecation: `@${Date.parse('2026-09-01T00:00:00Z') / 1000}`, sunset: 'Mon, 01 Mar 2027 00:00:00 GMT' });
    expect(withParam.headers.link).toContain(`<${AGENCY_NOTE}>; rel="deprecation"`);
    for (const url of ['/v1/dossiers?status=RECEIVED', '/v1/dossiers/000.00.15.H31-260112-0001']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers).not.toHaveProperty('deprecation');
      expect(res.headers).not.toHaveProperty('sunset');
    }
  });

  it('publishes the same table in the OpenAPI document: deprecated: true with the sunset and the note', async () => {
    const document = (await gateway.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.paths['/v1/dossiers/{code}/history'].get).toMatchObject({ deprecated: true, 'x-sunset': '2027-01-01', 'x-deprecated-since': '2026-07-01', 'x-deprecation-link': HISTORY_NOTE });
    const list = document.paths['/v1/dossiers'].get;
    expect(list.deprecated).toBeUndefined();
    expect(list.parameters.find((p: { name: string }) => p.name === 'agency')).toMatchObject({ deprecated: true, 'x-sunset': '2027-03-01', 'x-deprecation-link': AGENCY_NOTE });
    expect(list.parameters.find((p: { name: string }) => p.name === 'status').deprecated).toBeUndefined();
    expect(document.paths['/v1/dossiers/{code}'].get.deprecated).toBeUndefined();
  });
});
