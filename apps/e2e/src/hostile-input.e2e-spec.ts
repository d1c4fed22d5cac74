import { sendRaw, storedRowCounter } from '@hub/testing';
import { Hub } from './support/hub';

/**
 * The reproductions of issue 14 against the built hub, through the gateway to the real services: what each
 * service refuses reaches the caller as the service's problem, nothing is stored anywhere, everything keeps
 * answering. (The generated fuzz runs in-process per service: apps/*\/test/hostile-input.int-spec.ts.)
 */
describe('hostile input through the gateway to the real services', () => {
  let hub: Hub;
  let portal: string;
  let rows: Awaited<ReturnType<typeof storedRowCounter>>[];
  const allRows = async () => Promise.all(rows.map((r) => r.counts()));

  beforeAll(async () => {
    hub = await Hub.start();
    portal = await hub.registerClient('hostile-portal', 'portal', ['dossier:submit', 'dossier:read']);
    // Gateway, catalogue and dossier tables only: payment's and rating's are filled by their consumers.
    const fedByConsumers = { gateway: ['inbox'], catalogue: ['inbox'], dossier: ['procedure_version', 'procedure_withdrawal', 'calendar_year', 'status_mapping', 'inbox'] };
    rows = await Promise.all((['gateway', 'catalogue', 'dossier'] as const).map((s) => storedRowCounter(hub.databases.get(s)!.url, fedByConsumers[s])));
  });

  afterAll(async () => {
    await Promise.all((rows ?? []).map((r) => r.close()));
    await hub?.stop();
  });

  const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number, code: string) => {
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, correlationId: res.headers.get('x-correlation-id') });
  };

  it('refuses a 5,000-level JSON body, a long string and a text/plain body with named problems, storing nothing', async () => {
    const before = await allRows();
    const deep = await hub.request('POST', '/v1/dossiers', { apiKey: portal, rawBody: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) });
    expectProblem(deep, 400, 'JSON_TOO_DEEP');
    expect(deep.body).toMatchObject({ limit: 64, limitName: 'JSON_MAX_DEPTH' });
    const long = await hub.request('POST', '/v1/dossiers', { apiKey: portal, body: { procedureCode: 'x'.repeat(300 * 1024) } });
    expectProblem(long, 413, 'JSON_STRING_TOO_LONG');
    // Forwarded as is; the dossier service's own answer comes back through the gateway.
    const text = await hub.request('POST', '/v1/dossiers', { apiKey: portal, rawBody: '{}', headers: { 'content-type': 'text/plain' } });
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const wrongMethod = await hub.request('DELETE', '/v1/dossiers', { apiKey: portal });
    expectProblem(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(await allRows()).toEqual(before);
  });

  it('answers a 64 KB header and a request that is not HTTP with problems carrying a correlation id', async () => {
    const port = Number(new URL(hub.url).port);
    const big = await sendRaw(port, `GET /v1/dossiers HTTP/1.1\r\nhost: x\r\nx-api-key: ${portal}\r\nx-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(big).toMatchObject({ status: 431, headers: { 'content-type': 'application/problem+json' } });
    expect(JSON.parse(big!.body)).toMatchObject({ code: 'HEADERS_TOO_LARGE', correlationId: big!.headers['x-correlation-id'] });
    const garbage = await sendRaw(port, '\u0000\u0001 nonsense\r\n\r\n');
    expect(JSON.parse(garbage!.body)).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
    const badUrl = await hub.request('GET', '/v1/dossiers/%E0%A4%A', { apiKey: portal });
    expectProblem(badUrl, 400, 'MALFORMED_URL');
  });

  it('takes a request as large as the gateway accepts all the way to the service, for a client with the most agency codes', async () => {
    // The gateway accepts 8 KiB of URL and 16 KiB of request line and headers; what it forwards carries the signed
    // identity too, ~6 KiB for an agency system with 200 agency codes (the most a client may have). A service held to
    // the gateway's own 16 KiB answered 431 to that; it takes 24 KiB (MAX_HEADER_BYTES).
    const codes = Array.from({ length: 200 }, (_, i) => `000.00.${String(i % 100).padStart(2, '0')}.H${10 + (i % 90)}`);
    const province = await hub.registerClient('wide-province', 'agency-system', ['dossier:read'], codes);
    const prefix = '/v1/dossiers?receivingAgencyCode=';
    const url = prefix + 'a'.repeat(8 * 1024 - prefix.length);
    const res = await hub.request('GET', url, { apiKey: province, headers: { 'user-agent': 'u'.repeat(6 * 1024) } });
    expect(res.status).not.toBe(431);
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('keeps every service answering', async () => {
    expect((await hub.request('GET', '/health/ready')).status).toBe(200);
    expect((await hub.request('GET', '/v1/procedures')).status).toBe(200);
  });
});
