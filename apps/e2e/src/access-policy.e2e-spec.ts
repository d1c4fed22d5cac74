import { APPLICANT, BACKLOG, DEPARTMENT, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { expectEventually } from '@hub/testing';
import { numberDossiersFromOwnBlock } from './support/dossier-code-blocks';
import { Hub } from './support/hub';

const PROCEDURE = uniqueProcedureCode();

/** Who may do what (issue 11), through the gateway against the built hub. */
describe('access policy end to end: kinds bound to roles, personal data by need, the audit trail', () => {
  let hub: Hub;
  let operator: string;
  let portal: string;
  let hanoiSystem: string;
  let auditor: string;
  let code: string;

  beforeAll(async () => {
    hub = await Hub.start();
    operator = await hub.registerClient('vpcp-operator', 'operator', ['catalogue:write']);
    portal = await hub.registerClient('national-portal', 'portal', ['dossier:read']);
    hanoiSystem = await hub.registerClient('hanoi-one-stop', 'agency-system', ['dossier:submit', 'dossier:read'], [DEPARTMENT]);
    auditor = await hub.registerClient('vpcp-auditor', 'operator', ['audit:read']);
    await publishProcedure(hub, operator, PROCEDURE, []);
    await numberDossiersFromOwnBlock(hub, [DEPARTMENT]);
    code = await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers', { apiKey: hanoiSystem, body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, channel: 'COUNTER', applicant: APPLICANT } });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      return res.body.code as string;
    }, BACKLOG);
  }, 480_000);

  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses a payment-provider key with dossier:read at registration', async () => {
    const res = await hub.request('POST', '/v1/admin/api-clients', {
      apiKey: hub.adminKey,
      body: { clientId: 'some-bank', name: 'Ngân hàng', kind: 'payment-provider', roles: ['dossier:read'], agencyCodes: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ACCESS_POLICY_VIOLATION', errors: [{ field: 'roles.0', code: 'ROLE_NOT_ALLOWED_FOR_KIND' }] });
    const provider = await hub.registerClient('other-bank', 'payment-provider', []);
    expect((await hub.request('GET', `/v1/dossiers/${code}`, { apiKey: provider })).status).toBe(403);
  });

  it('masks the applicant for the portal, shows it to the owning agency, and audits the portal’s read with its purpose', async () => {
    const own = await hub.request('GET', `/v1/dossiers/${code}`, { apiKey: hanoiSystem });
    expect(own.body.applicant).toMatchObject({ idNumber: APPLICANT.idNumber, disclosure: 'full' });
    const masked = await hub.request('GET', `/v1/dossiers/${code}`, { apiKey: portal, headers: { 'x-access-purpose': encodeURIComponent('Công dân xem hồ sơ') } });
    expect(masked.status).toBe(200);
    expect(masked.body.applicant).toMatchObject({ fullName: APPLICANT.fullName, disclosure: 'masked', idNumber: `${'*'.repeat(APPLICANT.idNumber.length - 4)}${APPLICANT.idNumber.slice(-4)}` });
    expect(JSON.stringify(masked.body)).not.toContain(APPLICANT.idNumber);

    const reads = await hub.request('GET', `/v1/personal-data-reads?dossierCode=${code}`, { apiKey: auditor });
    expect(reads.status).toBe(200);
    expect(reads.body).toEqual([expect.objectContaining({ clientId: 'national-portal', disclosure: 'masked', purpose: 'Công dân xem hồ sơ' })]);
    expect((await hub.request('GET', `/v1/personal-data-reads`, { apiKey: portal })).status).toBe(403);
  });
});
