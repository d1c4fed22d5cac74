import { decodePayload, StatusMappingUpdated } from '@hub/contracts';
import { expectEventually, KafkaProbe, testInfrastructure } from '@hub/testing';
import { drain, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

describe('PUT /v1/agency-systems/{agencyCode}/status-mappings (real PostgreSQL and Kafka)', () => {
  let catalogue: Catalogue;
  const agency = unique.province();
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const url = `/v1/agency-systems/${agency}/status-mappings`;
  const mappings = [
    { localCode: 'TIEP_NHAN', nationalStatus: 2, description: 'Đã tiếp nhận' },
    { localCode: 'DANG_XU_LY', nationalStatus: 4 },
    { localCode: 'HOAN_THANH', nationalStatus: 9 },
  ];

  beforeAll(async () => {
    catalogue = await startCatalogue();
    await probe.watch(StatusMappingUpdated.topic);
    await catalogue.app.inject({ method: 'POST', url: '/v1/agencies', payload: { code: agency, name: 'UBND tỉnh Ánh xạ', level: 'PROVINCE' }, headers: writerHeaders(catalogue) });
  });

  afterAll(async () => {
    await probe.close();
    await catalogue?.close();
  });

  const put = (payload: unknown, headers = writerHeaders(catalogue), target = url) => catalogue.app.inject({ method: 'PUT', url: target, payload: payload as object, headers });

  it('versions the mapping, ignores a resend, keeps old versions readable and publishes each version', async () => {
    const first = await put({ mappings });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ agencyCode: agency, version: 1, createdBy: 'vpcp-operator' });
    expect((await put({ mappings: [...mappings].reverse() })).json().version).toBe(1);
    const second = await put({ mappings: [...mappings, { localCode: 'TRA_KET_QUA', nationalStatus: 10 }] });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);
    expect((await catalogue.app.inject({ method: 'GET', url })).json().version).toBe(2);
    expect((await catalogue.app.inject({ method: 'GET', url: `${url}?version=1` })).json().mappings).toHaveLength(3);

    await drain(catalogue);
    await expectEventually(() => {
      const mine = probe.messages.filter((m) => m.key === agency).map((m) => JSON.parse(m.value!));
      expect(mine.map((p) => p.version)).toEqual([1, 2]);
      expect(decodePayload(StatusMappingUpdated, mine[1]).ok).toBe(true);
    });
  });

  it('lets an agency system register only its own agencies', async () => {
    const own = catalogue.identity({ clientId: 'motcua-tinh', kind: 'agency-system', agencyCodes: [agency], roles: ['status-mapping:write'] });
    const mine = await put({ mappings }, { 'x-hub-identity': own });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ version: 3, createdBy: 'motcua-tinh' });
    const stranger = catalogue.identity({ clientId: 'motcua-khac', kind: 'agency-system', agencyCodes: ['000.00.00.H01'], roles: ['status-mapping:write'] });
    expect((await put({ mappings }, { 'x-hub-identity': stranger })).json()).toMatchObject({ status: 403, code: 'AGENCY_SCOPE_VIOLATION' });
  });

  it('gives an agency system holding catalogue:write nothing: no other agency’s mapping, no procedure, agency or calendar', async () => {
    // catalogue:write used to let any holder rewrite every agency's mapping and the whole catalogue; only operators
    // may hold it now (access policy), and a role stored on the wrong kind grants nothing.
    const system = catalogue.identity({ clientId: 'motcua-tham', kind: 'agency-system', agencyCodes: ['000.00.00.H01'], roles: ['catalogue:write', 'status-mapping:write'] });
    const headers = { 'x-hub-identity': system };
    expect((await put({ mappings }, headers)).json()).toMatchObject({ status: 403, code: 'AGENCY_SCOPE_VIOLATION' });
    const writes = [
      { method: 'POST' as const, url: '/v1/agencies', payload: { code: unique.province(), name: 'Cơ quan giả', level: 'PROVINCE' } },
      { method: 'PUT' as const, url: '/v1/calendars/national/2031', payload: { holidays: [], workingDays: [] } },
      { method: 'POST' as const, url: '/v1/procedures:import', payload: [] },
    ];
    for (const write of writes) expect((await catalogue.app.inject({ ...write, headers })).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // A payment provider cannot write mappings either, whatever roles its identity carries.
    const provider = catalogue.identity({ clientId: 'bank', kind: 'payment-provider', roles: ['status-mapping:write'] });
    expect((await put({ mappings }, { 'x-hub-identity': provider })).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await catalogue.app.inject({ method: 'GET', url })).json().version).toBe(3);
  });

  it('does not show internal client ids to anonymous readers', async () => {
    const anonymous = await catalogue.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).not.toHaveProperty('createdBy');
    expect(anonymous.body).not.toMatch(/motcua-tinh|vpcp-operator/);
  });

  it('rejects duplicates, statuses outside 1–10, empty mappings and unknown agencies', async () => {
    const cases: Array<[unknown, number]> = [
      [{ mappings: [{ localCode: 'A', nationalStatus: 2 }, { localCode: 'A', nationalStatus: 4 }] }, 400],
      [{ mappings: [{ localCode: 'A', nationalStatus: 11 }] }, 400],
      [{ mappings: [{ localCode: 'A', nationalStatus: 2.5 }] }, 400],
      [{ mappings: [] }, 400],
      [{ mappings: [{ localCode: ' A', nationalStatus: 2 }] }, 400],
    ];
    for (const [payload, status] of cases) expect((await put(payload)).statusCode).toBe(status);
    expect((await put({ mappings }, writerHeaders(catalogue), '/v1/agency-systems/999.00.00.H99/status-mappings')).json()).toMatchObject({ status: 404, code: 'AGENCY_NOT_FOUND' });
    expect((await catalogue.app.inject({ method: 'GET', url })).json().version).toBe(3);
  });
});
