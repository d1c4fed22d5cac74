import { expectEventually } from '@hub/testing';
import { HubClient, HubProblemError, type Dossier } from '@hub/sdk';
import { APPLICANT, BACKLOG, DEPARTMENT, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { numberDossiersFromOwnBlock } from './support/dossier-code-blocks';
import { Hub } from './support/hub';

const PROCEDURE = uniqueProcedureCode();

describe('the SDK through the gateway: OAuth2, intake with an idempotency key, fees, the signed receipt', () => {
  let hub: Hub;
  let sdk: HubClient;

  beforeAll(async () => {
    hub = await Hub.start();
    const operator = await hub.registerClient('sdk-operator', 'operator', ['catalogue:write']);
    const secret = await hub.registerClient('sdk-one-stop', 'agency-system', ['dossier:submit', 'dossier:read', 'payment:read'], [DEPARTMENT]);
    await publishProcedure(hub, operator, PROCEDURE, [{ code: 'LP01', name: 'Lệ phí', amount: 30_000 }]);
    await numberDossiersFromOwnBlock(hub, [DEPARTMENT]);
    sdk = new HubClient({ baseUrl: hub.url, credentials: { clientId: 'sdk-one-stop', clientSecret: secret, scope: 'dossier:submit dossier:read payment:read' } });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('submits, replays the retry, reads the dossier and its fees, and the receipt verifies against the published key', async () => {
    const request = { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT };
    // The procedure reaches the dossier service's read model asynchronously; each attempt is a new request, with its own key.
    let key = '';
    const first = await expectEventually(async () => {
      key = crypto.randomUUID();
      return sdk.submitDossier(request, { idempotencyKey: key });
    }, BACKLOG);
    expect(first.meta).toMatchObject({ status: 201, replayed: false, receipt: expect.stringMatching(/^seq=\d+; /) });

    const retry = await sdk.submitDossier(request, { idempotencyKey: key });
    expect(retry.meta.replayed).toBe(true);
    expect(retry.data.code).toBe(first.data.code);

    expect((await sdk.getDossier(first.data.code)).data).toMatchObject<Partial<Dossier>>({ code: first.data.code, procedureCode: PROCEDURE });
    const fees = await expectEventually(async () => {
      const res = await sdk.call<{ assessment: { status: string; totalAmount: number } }>({ method: 'GET', path: '/v1/payments', query: { dossierCode: first.data.code } });
      expect(res.data.assessment.status).toBe('ASSESSED');
      return res.data;
    }, BACKLOG);
    expect(fees.assessment.totalAmount).toBe(30_000);

    const keys = await sdk.call<{ keys: { kid: string }[] }>({ method: 'GET', path: '/.well-known/hub-receipt-keys' });
    expect(keys.data.keys.map((k) => k.kid)).toContain(/kid=([^;]+)/.exec(first.meta.receipt!)![1]);

    const missingKey = await sdk.call({ method: 'POST', path: '/v1/payments', body: { dossierCode: first.data.code } }).catch((e: unknown) => e);
    expect((missingKey as HubProblemError).problem.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  }, 900_000);
});
