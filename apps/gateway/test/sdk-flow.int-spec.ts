import type { AddressInfo } from 'node:net';
import { HubClient, HubProblemError } from '@hub/sdk';
import { registerClient, startFakeUpstream, startGateway, type Gateway } from './support/gateway-harness';

describe('the SDK against a listening gateway', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let baseUrl: string;
  let apiKey: string;

  beforeAll(async () => {
    let n = 0;
    upstream = await startFakeUpstream((req) =>
      req.method === 'POST' ? { status: 201, body: { code: `000.00.15.H31-260112-${String(++n).padStart(4, '0')}`, status: 'RECEIVED' } } : { status: 200, body: { code: req.url.split('/').pop(), status: 'RECEIVED' } },
    );
    gateway = await startGateway(upstream.url);
    await gateway.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(gateway.app.getHttpServer().address() as AddressInfo).port}`;
    apiKey = await registerClient(gateway, 'sdk-portal');
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('submits with OAuth2 and an idempotency key, replays the retry, reads it back, and surfaces problems', async () => {
    const hub = new HubClient({ baseUrl, credentials: { clientId: 'sdk-portal', clientSecret: apiKey, scope: 'dossier:submit dossier:read' } });
    const request = { procedureCode: '2.009013', receivingAgencyCode: '000.00.15.H31', applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234' } };
    const first = await hub.submitDossier(request, { idempotencyKey: 'sdk-key-1' });
    expect(first.meta).toMatchObject({ status: 201, replayed: false, receipt: expect.stringMatching(/^seq=\d+; /) });
    expect(upstream.seen.at(-1)!.headers.authorization).toBeUndefined();

    const retry = await hub.submitDossier(request, { idempotencyKey: 'sdk-key-1' });
    expect(retry.meta.replayed).toBe(true);
    expect(retry.data.code).toBe(first.data.code);

    expect((await hub.getDossier(first.data.code)).data.code).toBe(first.data.code);

    const reused = await hub.submitDossier({ ...request, procedureCode: '1.000001' }, { idempotencyKey: 'sdk-key-1' }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(HubProblemError);
    expect((reused as HubProblemError).problem).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });

    const badSecret = new HubClient({ baseUrl, credentials: { clientId: 'sdk-portal', clientSecret: 'hub_00000000_' + 'x'.repeat(43) } });
    expect(((await badSecret.getDossier('x').catch((e: unknown) => e)) as HubProblemError).problem.code).toBe('INVALID_CLIENT');
  });
});
