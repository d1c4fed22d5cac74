import { ProcedureWithdrawn } from '@hub/contracts';
import { expectEventually, KafkaProbe, testInfrastructure } from '@hub/testing';
import { DataSource } from 'typeorm';
import { drain, procedureBody, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

describe('procedure lifecycle, agency hierarchy and bad input (real PostgreSQL and Kafka)', () => {
  let catalogue: Catalogue;
  const ministry = unique.ministry();
  const department = `${ministry.slice(0, 3)}.00.11.${ministry.slice(-3)}`;
  const province = unique.province();
  const unit = unique.unit(province);
  const sector = unique.sector();
  const refs = { publisher: province, implementers: [unit], sector };

  beforeAll(async () => {
    catalogue = await startCatalogue({ PUBLICATION_DATE_FUTURE_WINDOW_DAYS: '1' });
    for (const payload of [
      { code: ministry, name: 'Bộ Thử nghiệm', level: 'MINISTRY' },
      { code: department, name: 'Cục Thử nghiệm', level: 'UNIT', parentCode: ministry },
      { code: province, name: 'UBND tỉnh Thử nghiệm', level: 'PROVINCE' },
      { code: unit, name: 'Sở Thử nghiệm', level: 'UNIT', parentCode: province },
    ]) {
      expect((await post('/v1/agencies', payload)).statusCode).toBe(201);
    }
    expect((await post('/v1/sectors', { code: sector, name: 'Thử nghiệm' })).statusCode).toBe(201);
  });

  afterAll(() => catalogue?.close());

  function post(url: string, payload: unknown) {
    return catalogue.app.inject({ method: 'POST', url, payload: payload as object, headers: writerHeaders(catalogue) });
  }
  const get = (url: string) => catalogue.app.inject({ method: 'GET', url });
  const count = async (table: string): Promise<number> => (await catalogue.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  describe('agency hierarchy', () => {
    it('answers subtree and ancestors', async () => {
      const subtree = (await get(`/v1/agencies/${ministry}/subtree`)).json();
      expect(subtree.items.map((a: { code: string; depth: number }) => [a.code, a.depth])).toEqual([
        [ministry, 0],
        [department, 1],
      ]);
      expect(subtree.nextCursor).toBeNull();
      // A page at a time: the first page's cursor leads to the rest.
      const first = (await get(`/v1/agencies/${ministry}/subtree?limit=1`)).json();
      expect(first.items.map((a: { code: string }) => a.code)).toEqual([ministry]);
      const second = (await get(`/v1/agencies/${ministry}/subtree?limit=1&cursor=${first.nextCursor}`)).json();
      expect(second).toMatchObject({ items: [{ code: department, depth: 1 }], nextCursor: null });
      expect((await get(`/v1/agencies/${ministry}/subtree?limit=501`)).statusCode).toBe(400);
      expect((await get(`/v1/agencies/${ministry}/subtree?cursor=%21%21`)).json()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
      // Lists with offsets stop at page × pageSize = 10,000: deeper pages cost the database a scan of every skipped row.
      expect((await get('/v1/agencies?page=100&pageSize=100')).statusCode).toBe(200);
      expect((await get('/v1/agencies?page=101&pageSize=100')).json()).toMatchObject({ status: 400, errors: [{ field: 'page', code: 'PAGE_WINDOW_EXCEEDED' }] });
      expect((await get('/v1/agencies?page=501')).json()).toMatchObject({ status: 400, errors: [{ field: 'page', code: 'PAGE_WINDOW_EXCEEDED' }] });
      expect((await get('/v1/procedures?page=1000&pageSize=11')).statusCode).toBe(400);
      expect((await get('/v1/sectors?page=10000&pageSize=2')).statusCode).toBe(400);
      expect((await get(`/v1/agencies/${department}/ancestors`)).json().map((a: { code: string }) => a.code)).toEqual([ministry]);
      expect((await get(`/v1/agencies/${ministry}/ancestors`)).json()).toEqual([]);
      expect((await get(`/v1/agencies?parent=${province}`)).json()).toMatchObject({ total: 1, items: [{ code: unit }] });
    });

    it('refuses cycles and unknown parents with 422 and changes nothing', async () => {
      expect((await post('/v1/agencies', { code: ministry, name: 'Bộ Thử nghiệm', level: 'MINISTRY', parentCode: department })).json()).toMatchObject({
        status: 422,
        code: 'AGENCY_HIERARCHY_CYCLE',
      });
      expect((await post('/v1/agencies', { code: ministry, name: 'Bộ', level: 'MINISTRY', parentCode: ministry })).json().code).toBe('AGENCY_HIERARCHY_CYCLE');
      expect((await post('/v1/agencies', { code: unique.unit(province), name: 'Sở', level: 'UNIT', parentCode: '999.00.00.H99' })).json().code).toBe('AGENCY_PARENT_UNKNOWN');
      expect((await get(`/v1/agencies/${ministry}`)).json()).toMatchObject({ parentCode: null, revision: 1 });
    });

    it('validates agency codes and names the accepted forms', async () => {
      for (const code of ['000.00.15.h31', '00.00.15.H31', 'H55', 'X-1']) {
        const res = await post('/v1/agencies', { code, name: 'x', level: 'UNIT' });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].message).toContain('000.00.15.H31 (QCVN 102:2016) or H55.242 (short form since 2025)');
      }
      expect((await post('/v1/agencies', { code: 'H55.242', name: 'Trung tâm Phục vụ hành chính công', level: 'SERVICE_CENTRE', validFrom: '2025-07-01' })).statusCode).toBe(201);
      expect((await get('/v1/agencies/bad-code')).json()).toMatchObject({ status: 400, errors: [{ field: 'code', code: 'INVALID_FORMAT' }] });
      expect((await post('/v1/agencies', { code: unit, name: 'x', level: 'UNIT', validFrom: '2025-01-02', validTo: '2025-01-01' })).statusCode).toBe(400);
      expect((await post('/v1/agencies', { code: unit, name: 'x', level: 'DISTRICT' })).statusCode).toBe(400);
    });
  });

  describe('bad procedure input: a clear problem and nothing stored', () => {
    const cases: Array<[string, Record<string, unknown>, number, string, string?]> = [
      ['an invalid code', { code: '1.00123' }, 400, 'VALIDATION_FAILED', 'code'],
      ['a negative fee', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'DAY' }, fees: [{ code: 'L', name: 'L', amount: -5 }] }] }, 400, 'VALIDATION_FAILED', 'channels.0.fees.0.amount'],
      ['a fractional fee', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'DAY' }, fees: [{ code: 'L', name: 'L', amount: 1000.5 }] }] }, 400, 'VALIDATION_FAILED', 'channels.0.fees.0.amount'],
      ['a fee line above 10^12 VND', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'DAY' }, fees: [{ code: 'L', name: 'L', amount: 1_000_000_000_001 }] }] }, 400, 'VALIDATION_FAILED', 'channels.0.fees.0.amount'],
      ['a time-limit unit that does not exist', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'MONTH' }, fees: [] }] }, 400, 'VALIDATION_FAILED', 'channels.0.timeLimit.unit'],
      ['the same channel twice', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'DAY' }, fees: [] }, { channel: 'ONLINE', timeLimit: { amount: 5, unit: 'DAY' }, fees: [] }] }, 400, 'VALIDATION_FAILED', 'channels'],
      ['an unknown field', { colour: 'red' }, 400, 'VALIDATION_FAILED', 'colour'],
      ['a missing mandatory part', { legalBasis: [] }, 400, 'VALIDATION_FAILED', 'legalBasis'],
      ['an oversized name', { name: 'x'.repeat(1001) }, 400, 'VALIDATION_FAILED', 'name'],
      ['an unknown sector', { sectorCodes: ['G00-NONE1'] }, 422, 'UNKNOWN_REFERENCES', 'sectorCodes.0'],
      ['an unknown implementing agency', { implementingAgencyCodes: ['999.00.99.H99'] }, 422, 'UNKNOWN_REFERENCES', 'implementingAgencyCodes.0'],
      ['a publication decision dated in the future', { publicationDecision: { number: '1/QĐ', date: '2099-01-01', issuingAgencyCode: province } }, 422, 'PUBLICATION_DATE_IN_FUTURE', 'publicationDecision.date'],
      ['an impossible decision date', { publicationDecision: { number: '1/QĐ', date: '2025-02-30', issuingAgencyCode: province } }, 400, 'VALIDATION_FAILED', 'publicationDecision.date'],
    ];
    it.each(cases)('%s', async (_name, override, status, code, field) => {
      const before = await count('procedure');
      const res = await post('/v1/procedures', procedureBody(unique.procedure(), refs, override));
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code, correlationId: expect.any(String), message: { vi: expect.any(String), en: expect.any(String) } });
      if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('procedure')).toBe(before);
    });

    it('accepts a fee line of exactly 10^12 VND', async () => {
      const fees = [{ code: 'L', name: 'L', amount: 1_000_000_000_000 }];
      const res = await post('/v1/procedures', procedureBody(unique.procedure(), refs, { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'DAY' }, fees }] }));
      expect(res.statusCode).toBe(201);
    });

    it('refuses a duplicate code with 409 and keeps the first draft', async () => {
      const code = unique.procedure();
      expect((await post('/v1/procedures', procedureBody(code, refs))).statusCode).toBe(201);
      expect((await post('/v1/procedures', procedureBody(code, refs, { name: 'Khác' }))).json()).toMatchObject({ status: 409, code: 'PROCEDURE_ALREADY_EXISTS' });
      expect((await catalogue.app.inject({ method: 'GET', url: `/v1/procedures/${code}/draft`, headers: writerHeaders(catalogue) })).json().name).toBe(procedureBody(code, refs).name);
    });
  });

  describe('withdrawal and timeliness', () => {
    it('withdraws a published procedure: no version in force afterwards, terminal, announced on Kafka', async () => {
      const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
      await probe.watch(ProcedureWithdrawn.topic);
      try {
        const code = unique.procedure();
        await post('/v1/procedures', procedureBody(code, refs));
        expect((await post(`/v1/procedures/${code}/withdraw`, { reason: 'Bãi bỏ' })).json()).toMatchObject({ status: 409, code: 'PROCEDURE_NOT_PUBLISHED' });
        await post(`/v1/procedures/${code}/publish`, { effectiveFrom: '2025-01-01' });
        const withdrawn = await post(`/v1/procedures/${code}/withdraw`, {
          reason: 'Bãi bỏ theo quyết định mới',
          decision: { number: '77/QĐ-UBND', date: '2025-12-01', issuingAgencyCode: province },
        });
        expect(withdrawn.statusCode).toBe(200);
        expect(withdrawn.json()).toMatchObject({ code, lastVersion: 1, reason: 'Bãi bỏ theo quyết định mới' });
        expect((await get(`/v1/procedures/${code}`)).json()).toMatchObject({ status: 404, code: 'PROCEDURE_NOT_IN_FORCE' });
        expect((await get(`/v1/procedures/${code}?asOf=2025-06-01`)).json()).toMatchObject({ version: 1, status: 'WITHDRAWN' });
        expect((await post(`/v1/procedures/${code}/withdraw`, { reason: 'again' })).json().code).toBe('PROCEDURE_WITHDRAWN');
        expect((await post(`/v1/procedures/${code}/publish`, {})).json().code).toBe('PROCEDURE_WITHDRAWN');
        await drain(catalogue);
        await expectEventually(() => expect(probe.messages.filter((m) => m.key === code).map((m) => JSON.parse(m.value!).lastVersion)).toEqual([1]));
      } finally {
        await probe.close();
      }
    });

    it('flags a version entered later than its deadline after the publication decision', async () => {
      await catalogue.app.inject({ method: 'PUT', url: '/v1/calendars/national/2025', payload: { holidays: ['2025-09-01', '2025-09-02'] }, headers: writerHeaders(catalogue) });
      await catalogue.app.inject({ method: 'PUT', url: '/v1/calendars/national/2026', payload: { holidays: [] }, headers: writerHeaders(catalogue) });
      const late = unique.procedure();
      await post('/v1/procedures', procedureBody(late, refs, { publicationDecision: { number: '5/QĐ-UBND', date: '2025-09-03', issuingAgencyCode: province } }));
      const published = (await post(`/v1/procedures/${late}/publish`, {})).json();
      expect(published.timeliness).toMatchObject({ status: 'LATE', deadlineWorkingDays: 5, entryDeadline: '2025-09-10' });

      const ministryProcedure = unique.procedure();
      const ministryRefs = { publisher: ministry, implementers: [department], sector };
      await post('/v1/procedures', procedureBody(ministryProcedure, ministryRefs, { publicationDecision: { number: '9/QĐ-BTN', date: '2025-09-03', issuingAgencyCode: department } }));
      const ministryPublished = (await post(`/v1/procedures/${ministryProcedure}/publish`, {})).json();
      expect(ministryPublished.timeliness).toMatchObject({ status: 'LATE', deadlineWorkingDays: 10, entryDeadline: '2025-09-17' });

      const history = (await get(`/v1/procedures/${late}/versions`)).json();
      expect(history.versions[0].timeliness).toMatchObject({ status: 'LATE', entryDeadline: '2025-09-10' });
    });
  });
});
