import { DossierReceived, EventHeaders } from '@hub/contracts';
import { expectEventually, KafkaProbe, testInfrastructure } from '@hub/testing';
import { APPLICANT, BACKLOG, CATCH_UP, DEPARTMENT, OTHER_PROVINCE, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { numberDossiersFromOwnBlock } from './support/dossier-code-blocks';
import { Hub } from './support/hub';

const PROCEDURE = uniqueProcedureCode();
const FEES = [
  { code: 'LP01', name: 'Lệ phí cấp giấy phép', amount: 75_000 },
  { code: 'P02', name: 'Phí thẩm định', amount: 1_250_000 },
];

describe('walking skeleton: a dossier travels from the gateway through all four services', () => {
  let hub: Hub;
  let operator: string;
  let portal: string;
  let hanoiSystem: string;
  let otherSystem: string;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);

  beforeAll(async () => {
    hub = await Hub.start();
    operator = await hub.registerClient('vpcp-operator', 'operator', ['catalogue:write']);
    portal = await hub.registerClient('national-portal', 'portal', ['dossier:submit', 'dossier:read', 'payment:read', 'rating:read']);
    hanoiSystem = await hub.registerClient('hanoi-one-stop', 'agency-system', ['dossier:submit', 'dossier:read', 'payment:read', 'rating:read'], [DEPARTMENT]);
    otherSystem = await hub.registerClient('quangtri-one-stop', 'agency-system', ['dossier:read', 'payment:read', 'rating:read'], [OTHER_PROVINCE]);
    // Dossier codes restart with every run's fresh database: only this run's events count.
    await probe.watch(DossierReceived.topic, { fromBeginning: false });
    await publishProcedure(hub, operator, PROCEDURE, FEES);
    await numberDossiersFromOwnBlock(hub, [DEPARTMENT]);
  });

  afterAll(async () => {
    await probe.close();
    await hub?.stop();
  });

  it('submits a dossier, and payment and rating learn of it over Kafka', async () => {
    const correlationId = crypto.randomUUID();
    // The procedure reaches the dossier service's read model asynchronously.
    const submitted = await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers', {
        apiKey: portal,
        headers: { 'x-correlation-id': correlationId },
        body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT, summary: 'Xin cấp phép xây dựng nhà 3 tầng' },
      });
      expect(res.status).toBe(201);
      return res.body;
    }, BACKLOG);
    expect(submitted.code).toMatch(/^000\.00\.15\.H31-\d{6}-\d{4}$/);
    expect(submitted).toMatchObject({ status: 1, procedureCode: PROCEDURE, procedureVersion: 1, channel: 'ONLINE' });
    expect(submitted.lookupKey).toMatch(/^[2-9A-Z]{8}$/);

    const payments = await expectEventually(async () => {
      const res = await hub.request('GET', `/v1/payments?dossierCode=${submitted.code}`, { apiKey: portal });
      expect(res.status).toBe(200);
      // AWAITING_PROCEDURE first if the dossier arrives before payment has the procedure version.
      expect(res.body.assessment.status).toBe('ASSESSED');
      return res.body;
    }, BACKLOG);
    expect(payments.assessment).toMatchObject({ status: 'ASSESSED', totalAmount: 1_325_000, currency: 'VND', lines: FEES });

    const eligibility = await expectEventually(async () => {
      const res = await hub.request('GET', `/v1/ratings/eligibility/${submitted.code}`, { apiKey: portal });
      expect(res.status).toBe(200);
      return res.body;
    }, BACKLOG);
    expect(eligibility).toEqual({ dossierCode: submitted.code, status: 1, canRate: false, reason: 'NOT_YET_RECEIVED' });

    // The correlation id given at the gateway travels in the event's envelope.
    const event = await expectEventually(() => {
      const found = probe.messages.find((m) => m.key === submitted.code);
      expect(found).toBeDefined();
      return found!;
    }, CATCH_UP);
    expect(event.headers[EventHeaders.CorrelationId]).toBe(correlationId);
    expect(event.headers[EventHeaders.Producer]).toBe('dossier');
    // Online intake is announced by dossier.received.v1 from the hub at status 1 (dossier.submitted.v1 is retired).
    expect(JSON.parse(event.value!)).toMatchObject({ dossierCode: submitted.code, status: 1, source: 'hub', channel: 'ONLINE' });
    expect(JSON.parse(event.value!)).not.toHaveProperty('applicant');
  }, 900_000);

  it('keeps every agency to its own dossiers', async () => {
    const own = await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers', { apiKey: hanoiSystem, body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, channel: 'COUNTER', applicant: APPLICANT } });
      expect(res.status).toBe(201);
      return res.body;
    }, CATCH_UP);
    expect((await hub.request('GET', `/v1/dossiers/${own.code}`, { apiKey: hanoiSystem })).body).toMatchObject({ code: own.code, applicant: APPLICANT });

    const foreign = await hub.request('GET', `/v1/dossiers/${own.code}`, { apiKey: otherSystem });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    await expectEventually(async () => expect((await hub.request('GET', `/v1/payments?dossierCode=${own.code}`, { apiKey: hanoiSystem })).status).toBe(200), CATCH_UP);
    expect((await hub.request('GET', `/v1/payments?dossierCode=${own.code}`, { apiKey: otherSystem })).status).toBe(404);
    expect((await hub.request('GET', `/v1/ratings/eligibility/${own.code}`, { apiKey: otherSystem })).status).toBe(404);

    const outOfScope = await hub.request('POST', '/v1/dossiers', { apiKey: otherSystem, body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT } });
    expect(outOfScope.status).toBe(403);
  });

  it('answers unauthenticated and forged calls with 401 problems', async () => {
    const noKey = await hub.request('POST', '/v1/dossiers', { body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT } });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get('content-type')).toContain('application/problem+json');
    expect(noKey.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(noKey.body.correlationId).toEqual(expect.any(String));
    expect((await hub.request('GET', '/v1/payments?dossierCode=000.00.15.H31-260112-0001', { apiKey: `${portal.slice(0, -2)}xx` })).status).toBe(401);
    expect((await hub.request('GET', '/v1/dossiers/000.00.15.H31-260112-0001', { apiKey: 'not-a-key' })).status).toBe(401);
    // The operator may not submit dossiers: roles are checked by the service behind the gateway.
    expect((await hub.request('POST', '/v1/dossiers', { apiKey: operator, body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT } })).status).toBe(403);
  });

  it('rejects unknown fields, wrong types and oversized strings with field errors', async () => {
    const res = await hub.request('POST', '/v1/dossiers', {
      apiKey: portal,
      body: { procedureCode: 1001234, receivingAgencyCode: DEPARTMENT, applicant: { ...APPLICANT, fullName: 'x'.repeat(201) }, isAdmin: true },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['procedureCode', 'applicant.fullName', 'isAdmin']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'isAdmin').code).toBe('UNKNOWN_FIELD');

    const malformed = await hub.request('POST', '/v1/dossiers', { apiKey: portal, rawBody: '{"procedureCode": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
  });

  it('publishes one OpenAPI document for the whole API, with Swagger UI at /docs', async () => {
    const doc = await hub.request('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/dossiers', '/v1/payments', '/v1/ratings/eligibility/{dossierCode}', '/v1/procedures', '/v1/admin/api-clients']));
    expect(doc.body.components.schemas).toHaveProperty('Problem');
    const ui = await fetch(`${hub.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('answers 422 for a procedure that is not published', async () => {
    const res = await hub.request('POST', '/v1/dossiers', { apiKey: portal, body: { procedureCode: '1.999999', receivingAgencyCode: DEPARTMENT, applicant: APPLICANT } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'PROCEDURE_NOT_AVAILABLE', errors: [expect.objectContaining({ field: 'procedureCode' })] });
  });
});
