import { AgencyUpserted, decodePayload, ProcedurePublished, SectorUpserted } from '@hub/contracts';
import { expectEventually, KafkaProbe, testInfrastructure } from '@hub/testing';
import { DataSource } from 'typeorm';
import { drain, procedureBody, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

describe('catalogue walking skeleton: agencies, procedures, publish → Kafka (real PostgreSQL and Kafka)', () => {
  let catalogue: Catalogue;
  const published = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const agencies = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const sectors = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const province = unique.province();
  const unit = unique.unit(province);
  const sector = unique.sector();
  const code = unique.procedure();

  beforeAll(async () => {
    catalogue = await startCatalogue();
    await Promise.all([published.watch(ProcedurePublished.topic), agencies.watch(AgencyUpserted.topic), sectors.watch(SectorUpserted.topic)]);
  });

  afterAll(async () => {
    await Promise.all([published.close(), agencies.close(), sectors.close()]);
    await catalogue?.close();
  });

  const post = (url: string, payload: unknown, headers = writerHeaders(catalogue)) => catalogue.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string) => catalogue.app.inject({ method: 'GET', url });

  it('creates agencies (201), answers the same data again with 200 and no second event, and reads them publicly', async () => {
    const created = await post('/v1/agencies', { code: province, name: 'Ủy ban nhân dân tỉnh Thử nghiệm', level: 'PROVINCE' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: province, level: 'PROVINCE', parentCode: null, active: true, revision: 1 });
    const child = await post('/v1/agencies', { code: unit, name: 'Sở Xây dựng tỉnh Thử nghiệm', level: 'UNIT', parentCode: province });
    expect(child.statusCode).toBe(201);
    const again = await post('/v1/agencies', { code: unit, name: 'Sở Xây dựng tỉnh Thử nghiệm', level: 'UNIT', parentCode: province });
    expect(again.statusCode).toBe(200);
    expect(again.json().revision).toBe(1);

    const read = await get(`/v1/agencies/${unit}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ code: unit, name: 'Sở Xây dựng tỉnh Thử nghiệm', parentCode: province });

    expect((await post('/v1/sectors', { code: sector, name: 'Hoạt động xây dựng' })).statusCode).toBe(201);
  });

  it('rejects a procedure naming unknown agencies or sectors with a 422 problem and stores nothing', async () => {
    const res = await post('/v1/procedures', procedureBody(code, { publisher: province, implementers: [unit, '999.00.00.H99'], sector: 'G99-ZZ99' }));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'UNKNOWN_REFERENCES',
      errors: expect.arrayContaining([
        { field: 'implementingAgencyCodes.1', code: 'UNKNOWN_AGENCY', message: 'agency 999.00.00.H99 does not exist' },
        { field: 'sectorCodes.0', code: 'UNKNOWN_SECTOR', message: 'sector G99-ZZ99 does not exist' },
      ]),
    });
    expect((await get(`/v1/procedures/${code}/versions`)).statusCode).toBe(404);
  });

  it('creates a draft, publishes it as version 1, serves it as the version in force and publishes the full snapshot on Kafka', async () => {
    const draft = await post('/v1/procedures', procedureBody(code, { publisher: province, implementers: [unit], sector }));
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ code, status: 'DRAFT', draftRevision: 1, latestVersion: null });
    expect((await get(`/v1/procedures/${code}`)).json()).toMatchObject({ status: 404, code: 'PROCEDURE_NOT_IN_FORCE' });

    const publish = await post(`/v1/procedures/${code}/publish`, {});
    expect(publish.statusCode).toBe(201);
    expect(publish.json()).toMatchObject({ code, version: 1, previous: null });

    const inForce = await get(`/v1/procedures/${code}`);
    expect(inForce.statusCode).toBe(200);
    expect(inForce.json()).toMatchObject({
      code,
      version: 1,
      status: 'PUBLISHED',
      effectiveTo: null,
      implementingAgencyCodes: [unit],
      channels: expect.arrayContaining([{ channel: 'ONLINE', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }] }]),
    });

    await drain(catalogue);
    const message = await expectEventually(() => {
      const found = published.messages.find((m) => m.key === code);
      expect(found).toBeDefined();
      return found!;
    });
    const decoded = decodePayload(ProcedurePublished, JSON.parse(message.value!));
    expect(decoded.ok).toBe(true);
    expect(JSON.parse(message.value!)).toMatchObject({
      code,
      version: 1,
      name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      implementingAgencyCodes: [unit],
      onlineLevel: 'FULL',
      publishingAgencyCode: province,
      publicationDecision: { number: '123/QĐ-UBND', date: '2025-12-20', issuingAgencyCode: province, fastTrack: false },
    });
    expect(message.headers).toMatchObject({ 'event-type': 'catalogue.procedure.published', 'event-version': '1', producer: 'catalogue' });
    await expectEventually(() => expect(agencies.messages.filter((m) => m.key === unit)).toHaveLength(1));
    await expectEventually(() => expect(sectors.messages.filter((m) => m.key === sector)).toHaveLength(1));
  });

  it('publishes a new version that takes effect later without touching the one in force', async () => {
    const changed = procedureBody(code, { publisher: province, implementers: [unit], sector }, { name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ (sửa đổi)' });
    const { code: _code, ...content } = changed;
    expect((await catalogue.app.inject({ method: 'PUT', url: `/v1/procedures/${code}/draft`, payload: content, headers: writerHeaders(catalogue) })).statusCode).toBe(200);
    const future = '2099-01-01';
    const publish = await post(`/v1/procedures/${code}/publish`, { effectiveFrom: future });
    expect(publish.statusCode).toBe(201);
    expect(publish.json()).toMatchObject({ version: 2, effectiveFrom: '2099-01-01T00:00:00+07:00', previous: { version: 1, effectiveTo: '2099-01-01T00:00:00+07:00' } });

    expect((await get(`/v1/procedures/${code}`)).json()).toMatchObject({ version: 1, effectiveTo: '2099-01-01T00:00:00+07:00' });
    expect((await get(`/v1/procedures/${code}?asOf=2099-06-01`)).json()).toMatchObject({ version: 2, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ (sửa đổi)' });
    const history = (await get(`/v1/procedures/${code}/versions`)).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    // A version may not start before the latest one: 409, and nothing changes.
    await catalogue.app.inject({ method: 'PUT', url: `/v1/procedures/${code}/draft`, payload: content, headers: writerHeaders(catalogue) });
    const overlap = await post(`/v1/procedures/${code}/publish`, { effectiveFrom: '2098-12-31' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'PROCEDURE_VERSION_OVERLAP', errors: [{ field: 'effectiveFrom' }] });
    const [{ n }] = await catalogue.app.get(DataSource).query('SELECT count(*)::int AS n FROM procedure_version WHERE procedure_code = $1', [code]);
    expect(n).toBe(2);
  });

  it('requires a signed identity with catalogue:write for writes', async () => {
    const anonymous = await catalogue.app.inject({ method: 'POST', url: '/v1/agencies', payload: { code: province, name: 'x', level: 'PROVINCE' } });
    expect(anonymous.statusCode).toBe(401);
    const portal = await post('/v1/agencies', { code: province, name: 'x', level: 'PROVINCE' }, { 'x-hub-identity': catalogue.identity({ roles: ['dossier:submit'] }) });
    expect(portal.statusCode).toBe(403);
  });
});
