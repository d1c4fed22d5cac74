import { HubClient, HubProblemError } from './hub-client';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A stand-in for the hub: records each request and answers with the given responses in turn. */
function fakeHub(...answers: Array<() => Response>) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    sent.push({ url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, body: init?.body?.toString() });
    return answers[Math.min(sent.length - 1, answers.length - 1)]();
  };
  return { sent, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('HubClient', () => {
  it('sends the API key, the idempotency key and JSON, and reads the receipt and replay flag', async () => {
    const hub = fakeHub(json(201, { code: 'X-1' }, { 'x-hub-receipt': 'seq=1; hash=ab', 'idempotent-replayed': 'true', ratelimit: '"write";r=1;t=1' }));
    const client = new HubClient({ baseUrl: 'https://hub.test/', credentials: { apiKey: 'hub_key' }, fetch: hub.fetchImpl });
    const result = await client.submitDossier({ procedureCode: '1.1', receivingAgencyCode: 'A', applicant: { fullName: 'A', idNumber: '1' } }, { idempotencyKey: 'k-1' });
    expect(hub.sent[0]).toMatchObject({ url: 'https://hub.test/v1/dossiers', method: 'POST', headers: { 'x-api-key': 'hub_key', 'idempotency-key': 'k-1', 'content-type': 'application/json' } });
    expect(JSON.parse(hub.sent[0].body!)).toMatchObject({ procedureCode: '1.1' });
    expect(result.meta).toMatchObject({ status: 201, receipt: 'seq=1; hash=ab', replayed: true, rateLimit: '"write";r=1;t=1' });
  });

  it('gets a token by client credentials once and reuses it until it is due for renewal', async () => {
    const hub = fakeHub(json(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 600, scope: 'dossier:read' }), json(200, { code: 'X' }));
    const client = new HubClient({ baseUrl: 'https://hub.test', credentials: { clientId: 'portal', clientSecret: 's:1', scope: 'dossier:read' }, fetch: hub.fetchImpl });
    await client.getDossier('X/1');
    await client.getDossier('X');
    expect(hub.sent.map((s) => s.url)).toEqual(['https://hub.test/oauth/token', 'https://hub.test/v1/dossiers/X%2F1', 'https://hub.test/v1/dossiers/X']);
    expect(hub.sent[0].headers.authorization).toBe(`Basic ${Buffer.from('portal:s%3A1').toString('base64')}`);
    expect(hub.sent[0].body).toBe('grant_type=client_credentials&scope=dossier%3Aread');
    expect(hub.sent[2].headers.authorization).toBe('Bearer tok');
  });

  it('throws problems as HubProblemError with their code', async () => {
    const hub = fakeHub(json(429, { type: 't', title: 'Too many', status: 429, code: 'RATE_LIMITED' }));
    const client = new HubClient({ baseUrl: 'https://hub.test', fetch: hub.fetchImpl });
    const error = await client.searchProcedures('khai sinh').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubProblemError);
    expect((error as HubProblemError).problem.code).toBe('RATE_LIMITED');
    expect(hub.sent[0].url).toBe('https://hub.test/v1/procedures?q=khai+sinh');
    expect(hub.sent[0].headers['x-api-key']).toBeUndefined();
  });

  it('calls any operation of the document by its operationId, with its path parameters, query and body', async () => {
    const hub = fakeHub(json(200, { agencyCode: 'H31.1', total: 91.5 }), json(201, { ratingId: 'r-1' }));
    const client = new HubClient({ baseUrl: 'https://hub.test', credentials: { apiKey: 'k' }, fetch: hub.fetchImpl });
    const index = await client.request('ServiceIndexController_agency', { pathParams: { agencyCode: 'H31.1' }, query: { period: '2026-01' } });
    expect(index.data.total).toBe(91.5);
    await client.request('RatingsController_create', {
      body: { dossierCode: 'H31.1-260105-0001', level: 'SATISFIED', channel: 'KIOSK', ratedAt: '2026-01-30T10:00:00+07:00' },
      idempotencyKey: 'r-1',
    });
    expect(hub.sent.map((s) => `${s.method} ${s.url}`)).toEqual(['GET https://hub.test/v1/service-index/H31.1?period=2026-01', 'POST https://hub.test/v1/ratings']);
    expect(hub.sent[1].headers['idempotency-key']).toBe('r-1');
  });
});
