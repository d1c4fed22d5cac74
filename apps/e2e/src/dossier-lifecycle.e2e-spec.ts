import { expectEventually } from '@hub/testing';
import { APPLICANT, BACKLOG, DEPARTMENT, OTHER_PROVINCE, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { Hub } from './support/hub';

const PROCEDURE = uniqueProcedureCode();
const FEES = [{ code: 'LP01', name: 'Lệ phí cấp giấy phép', amount: 75_000 }];
const local = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';

describe('dossier lifecycle through the gateway: sync, reads, public lookup, events to payment and rating', () => {
  let hub: Hub;
  let operator: string;
  let portal: string;
  let agencySystem: string;
  let otherSystem: string;

  beforeAll(async () => {
    hub = await Hub.start();
    operator = await hub.registerClient('vpcp-operator', 'operator', ['catalogue:write']);
    portal = await hub.registerClient('national-portal', 'portal', ['dossier:read', 'payment:read', 'rating:read']);
    // Registered without roles: the agency system gets its kind's defaults.
    const registered = await hub.request('POST', '/v1/admin/api-clients', {
      apiKey: hub.adminKey,
      body: { clientId: 'hanoi-sync', name: 'Hà Nội', kind: 'agency-system', agencyCodes: [DEPARTMENT] },
    });
    expect(registered.body.roles).toEqual(expect.arrayContaining(['dossier:sync', 'dossier:notice', 'dossier:read']));
    agencySystem = registered.body.apiKey;
    otherSystem = await hub.registerClient('quangtri-one-stop', 'agency-system', ['dossier:read'], [OTHER_PROVINCE]);
    await publishProcedure(hub, operator, PROCEDURE, FEES);
  }, 420_000);

  afterAll(async () => {
    await hub?.stop();
  });

  it('syncs a counter dossier, shows it to its agency only, and lets the public look it up without personal data', async () => {
    const received = Date.now() + 2_000;
    const code = `${DEPARTMENT}-${local(received).slice(2, 10).replaceAll('-', '')}-7001`;
    const record = {
      code,
      version: 1,
      procedureCode: PROCEDURE,
      receivingAgencyCode: DEPARTMENT,
      channel: 'COUNTER',
      status: 4,
      receivedAt: local(received),
      statusChangedAt: local(received + 2_000),
      applicant: APPLICANT,
      steps: [
        { at: local(received), status: 2, handledBy: 'Trần Cán Bộ' },
        { at: local(received + 2_000), status: 4, handledBy: 'Trần Cán Bộ', content: 'Chuyển phòng Quản lý xây dựng' },
      ],
      documents: [{ name: 'Đơn đề nghị', copies: 1, digitised: true }],
      fees: FEES,
    };
    // The procedure reaches the dossier service's read model asynchronously: PROCEDURE_NOT_YET_KNOWN is retryable.
    const result = await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers:sync', { apiKey: agencySystem, body: { dossiers: [record] } });
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ code, outcome: 'created', version: 1, status: 4 });
      return res.body.results[0];
    }, BACKLOG);
    expect(result.lookupKey).toMatch(/^[2-9A-Z]{8}$/);
    expect((await hub.request('POST', '/v1/dossiers:sync', { apiKey: agencySystem, body: { dossiers: [record] } })).body.results[0].outcome).toBe('unchanged');

    const view = await hub.request('GET', `/v1/dossiers/${code}`, { apiKey: agencySystem });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ code, status: 4, statusName: { vi: 'Đang xử lý', en: 'Processing' }, feeTotal: 75_000 });
    expect((await hub.request('GET', `/v1/dossiers/${code}`, { apiKey: otherSystem })).status).toBe(404);

    const lookup = await hub.request('GET', `/v1/public/dossiers/${code}?lookupKey=${result.lookupKey}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ code, status: 4, procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' });
    const text = JSON.stringify(lookup.body);
    for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, 'Trần Cán Bộ', 'Chuyển phòng']) expect(text).not.toContain(secret);
    const wrong = await hub.request('GET', `/v1/public/dossiers/${code}?lookupKey=ZZZZ2222`);
    const unknown = await hub.request('GET', `/v1/public/dossiers/${DEPARTMENT}-260101-9999?lookupKey=${result.lookupKey}`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.code).toBe(unknown.body.code);

    // dossier.received.v1 reaches payment (fees of any channel) and rating follows the status changes.
    await expectEventually(async () => {
      const res = await hub.request('GET', `/v1/payments?dossierCode=${code}`, { apiKey: portal });
      expect(res.body.assessment).toMatchObject({ status: 'ASSESSED', totalAmount: 75_000 });
    }, BACKLOG);
    await expectEventually(async () => {
      const res = await hub.request('GET', `/v1/ratings/eligibility/${code}`, { apiKey: portal });
      expect(res.body).toMatchObject({ dossierCode: code, status: 4 });
    }, BACKLOG);
  }, 900_000);
});
