import { DossierReceived } from '@hub/contracts';
import { MessagingLifecycle, OutboxRelay } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, type ServiceUnderTest } from '@hub/testing';
import { JSON_CHUNK_CHARS } from '@hub/persistence';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { CalendarUpdatedConsumer } from '../src/dossier/consumers/calendar-updated.consumer';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { StatusMappingReadModel } from '../src/status-mapping-read-model/status-mapping-read-model';
import { calendarEvent, consumed, record, seedReferenceData, uniqueAgency } from './sync-support';

describe('POST /v1/dossiers:sync against real PostgreSQL and Kafka', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const agency = uniqueAgency();
  const other = uniqueAgency();
  const procedureCode = `1.${100_000 + Math.floor(Math.random() * 900_000)}`;
  const rec = (options: Parameters<typeof record>[2] = {}) => record(agency, procedureCode, options);

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
    await seedReferenceData(service, agency, procedureCode);
    await probe.watch(DossierReceived.topic, { fromBeginning: false });
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  const sync = (dossiers: unknown[], agencies = [agency], correlationId?: string) =>
    service.app.inject({
      method: 'POST',
      url: '/v1/dossiers:sync',
      headers: {
        'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: agencies, roles: ['dossier:sync'] }),
        ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
      },
      payload: { dossiers },
    });
  const count = async (sql: string, params: unknown[] = []) => Number((await service.app.get(DataSource).query(sql, params))[0].n);

  it('answers every record in order; one bad record never rejects the others', async () => {
    const batch = [
      rec({ seq: 1 }),
      rec({ seq: 2, fees: [{ code: 'LP01', name: 'Lệ phí', amount: 1.5 }] }),
      rec({ seq: 3, status: 11 }),
      { ...rec({ seq: 4 }), version: '1' },
      rec({ seq: 5, documents: [{ name: 'Đơn', copies: -1, digitised: false }] }),
      { ...rec({ seq: 6 }), code: `${agency}-260113-0006` },
      record(other, procedureCode, { seq: 7 }),
      rec({ seq: 8, status: 9, statusChangedAt: '2026-01-15T10:00:00+07:00', lookupKey: 'ABCD2345' }),
      rec({ seq: 9, steps: [{ at: '2026-01-13T10:00:00+07:00', status: 4 }, { at: '2026-01-12T10:00:00+07:00', status: 5 }], status: 5, statusChangedAt: '2026-01-13T10:00:00+07:00' }),
      rec({ seq: 10, unexpected: true }),
    ];
    const res = await sync(batch);
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'created', 'rejected', 'rejected']);
    expect(results[0]).toEqual({ code: batch[0].code, outcome: 'created', version: 1, status: 2, dueAt: '2026-01-19T17:00:00+07:00', lookupKey: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    expect(results[1].problem).toMatchObject({ code: 'INVALID_RECORD', field: 'fees.0.amount' });
    expect(results[2].problem).toMatchObject({ code: 'INVALID_RECORD', field: 'status' });
    expect(results[3].problem).toMatchObject({ code: 'INVALID_RECORD', field: 'version' });
    expect(results[4].problem).toMatchObject({ code: 'INVALID_RECORD', field: 'documents.0.copies' });
    expect(results[5].problem).toMatchObject({ code: 'DOSSIER_CODE_DATE_MISMATCH', field: 'code', title: expect.any(String), detail: expect.stringContaining('260112') });
    expect(results[6]).toEqual({ code: batch[6].code, outcome: 'rejected', version: null, status: null, dueAt: null, problem: expect.objectContaining({ code: 'AGENCY_SCOPE_VIOLATION' }) });
    expect(results[7]).toMatchObject({ outcome: 'created', status: 9 });
    expect(results[7]).not.toHaveProperty('lookupKey');
    expect(results[8].problem).toMatchObject({ code: 'TIME_OUT_OF_ORDER', field: 'steps.1.at' });
    expect(results[9].problem).toMatchObject({ code: 'INVALID_RECORD', field: 'unexpected' });
    expect(await count('SELECT count(*) AS n FROM dossier WHERE receiving_agency_code = $1', [agency])).toBe(2);
    const [finished] = await service.app.get(DataSource).query('SELECT finished_at, timeliness, lookup_key_hash FROM dossier WHERE code = $1', [batch[7].code]);
    expect(finished).toMatchObject({ finished_at: new Date('2026-01-15T10:00:00+07:00'), timeliness: 'EARLY' });
    expect(finished.lookup_key_hash).not.toContain('ABCD2345');
    await expectEventually(() => expect(probe.messages.filter((m) => [batch[0].code, batch[7].code].includes(m.key as string))).toHaveLength(2));
    expect(JSON.stringify(probe.messages.map((m) => m.value))).not.toContain('001190000123');
  });

  it('a dossier first seen returned (10) with no change to 9 on record is finished then; dossier.received.v1 carries the verdict', async () => {
    const returned = rec({ seq: 70, status: 10, statusChangedAt: '2026-01-20T10:00:00+07:00' });
    expect((await sync([returned], [agency], 'corr-sync-returned')).json().results[0]).toMatchObject({ outcome: 'created', status: 10, dueAt: '2026-01-19T17:00:00+07:00' });
    const [row] = await service.app.get(DataSource).query('SELECT finished_at, timeliness FROM dossier WHERE code = $1', [returned.code]);
    expect(row).toEqual({ finished_at: new Date('2026-01-20T10:00:00+07:00'), timeliness: 'LATE' });
    const received = await expectEventually(() => {
      const m = probe.messages.find((e) => e.key === returned.code);
      expect(m).toBeDefined();
      return m!;
    });
    expect(JSON.parse(String(received.value))).toMatchObject({ status: 10, timeliness: 'LATE', finishedAt: '2026-01-20T10:00:00+07:00' });
    // The sync request's correlation id, handed down in the command, is the event's.
    expect(String(received.headers?.['correlation-id'])).toBe('corr-sync-returned');
  });

  it('changes nothing when the same batch comes again; stale and conflicting versions are told apart', async () => {
    const batch = [rec({ seq: 20 }), rec({ seq: 21, status: 4 })];
    expect((await sync(batch)).json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
    await service.app.get(OutboxRelay).drain();
    const outbox = await count('SELECT count(*) AS n FROM outbox');
    const again = (await sync(batch)).json().results;
    expect(again.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again[0]).not.toHaveProperty('lookupKey');
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(outbox);

    const v3 = await sync([rec({ seq: 20, version: 3, status: 4, statusChangedAt: '2026-01-13T09:00:00+07:00' })]);
    expect(v3.json().results[0]).toMatchObject({ outcome: 'updated', version: 3, status: 4 });
    const next = (await sync([rec({ seq: 20, version: 2, status: 5 }), rec({ seq: 20, version: 3, status: 8 }), rec({ seq: 21, version: 2, status: 3, statusChangedAt: '2026-01-13T09:00:00+07:00' })])).json().results;
    expect(next.map((r: { outcome: string }) => r.outcome)).toEqual(['stale', 'rejected', 'rejected']);
    expect(next[0]).toMatchObject({ version: 3, status: 4 });
    expect(next[1].problem).toMatchObject({ code: 'VERSION_CONFLICT', field: 'version' });
    expect(next[2].problem).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', field: 'status', detail: 'A dossier in status 4 cannot move to status 3' });
    const history = await service.app.get(DataSource).query('SELECT from_status, to_status, source, version FROM dossier_status_history WHERE dossier_code = $1 ORDER BY seq', [batch[0].code]);
    expect(history).toEqual([{ from_status: null, to_status: 2, source: 'sync', version: 1 }, { from_status: 2, to_status: 4, source: 'sync', version: 3 }]);
  });

  it('stores a batch that travels in several JSON chunks whole: every row, history row and event, events in batch order', async () => {
    // ~1.5 KB a record: 120 records make several chunks of rows and of events (JSON_CHUNK_CHARS).
    const seqs = Array.from({ length: 120 }, (_, i) => 300 + i);
    const summary = (seq: number) => `Hồ sơ "${seq}" \\ ${'đăng ký khai sinh '.repeat(30)}`;
    const batch = seqs.map((seq) => rec({ seq, summary: summary(seq) }));
    expect(JSON.stringify(batch).length).toBeGreaterThan(3 * JSON_CHUNK_CHARS);
    const res = await sync(batch);
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(seqs.map(() => 'created'));
    const codes = batch.map((r) => r.code as string);
    const ds = service.app.get(DataSource);
    const rows = await ds.query('SELECT code, summary FROM dossier WHERE code = ANY($1) ORDER BY code', [codes]);
    expect(rows).toEqual(seqs.map((seq, i) => ({ code: codes[i], summary: summary(seq) })));
    expect(await count('SELECT count(*) AS n FROM dossier_status_history WHERE dossier_code = ANY($1)', [codes])).toBe(codes.length);
    // One dossier.received.v1 per record, their outbox ids in the order of the batch.
    const events: { key: string }[] = await ds.query(
      `SELECT key FROM outbox WHERE key = ANY($1) AND topic = $2 ORDER BY id`,
      [codes, DossierReceived.topic],
    );
    expect(events.map((e) => e.key)).toEqual(codes);
  });

  it('concurrent syncs of the same dossiers from two connections: the higher version wins, nothing is lost', async () => {
    const seqs = Array.from({ length: 15 }, (_, i) => 100 + i);
    await sync(seqs.map((seq) => rec({ seq })));
    const v2 = seqs.map((seq) => rec({ seq, version: 2, status: 4, statusChangedAt: '2026-01-13T09:00:00+07:00' }));
    const v3 = seqs.map((seq) => rec({ seq, version: 3, status: 5, statusChangedAt: '2026-01-14T09:00:00+07:00', steps: [{ at: '2026-01-13T09:00:00+07:00', status: 4 }] }));
    const [a, b] = await Promise.all([sync(v3), sync(v2)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().results.every((r: { outcome: string }) => r.outcome === 'updated')).toBe(true);
    expect(new Set(b.json().results.map((r: { outcome: string }) => r.outcome)).size).toBeGreaterThan(0);
    const rows = await service.app.get(DataSource).query('SELECT version, status FROM dossier WHERE code = ANY($1)', [v3.map((r) => r.code)]);
    expect(rows).toEqual(Array(15).fill({ version: 3, status: 5 }));
    const histories = await service.app.get(DataSource).query(
      'SELECT dossier_code, array_agg(to_status ORDER BY seq) AS path FROM dossier_status_history WHERE dossier_code = ANY($1) GROUP BY dossier_code',
      [v3.map((r) => r.code)],
    );
    expect(histories.map((h: { path: number[] }) => h.path)).toEqual(Array(15).fill([2, 4, 5]));
  });

  it('translates localStatus with the published mapping; an unmapped code is rejected', async () => {
    await service.app.get(DataSource).transaction((tx) =>
      service.app.get(StatusMappingReadModel).apply(tx, { agencyCode: agency, version: 1, mappings: [{ localCode: 'DANG_XU_LY', nationalStatus: 4 }] }),
    );
    const withLocal = (seq: number, localStatus: string) => {
      const { status: _status, ...rest } = rec({ seq });
      return { ...rest, localStatus };
    };
    const results = (await sync([withLocal(30, 'DANG_XU_LY'), withLocal(31, 'KHONG_BIET')])).json().results;
    expect(results[0]).toMatchObject({ outcome: 'created', status: 4 });
    expect(results[1]).toMatchObject({ outcome: 'rejected', problem: { code: 'LOCAL_STATUS_UNMAPPED', field: 'localStatus' } });
  });

  it('says whether retrying can help when the procedure is not known or not implemented', async () => {
    const results = (await sync([record(agency, '2.999999', { seq: 40 }), { ...rec({ seq: 41 }), channel: 'POSTAL' }])).json().results;
    expect(results[0].problem).toMatchObject({ code: 'PROCEDURE_NOT_YET_KNOWN', retryable: true, field: 'procedureCode' });
    expect(results[1].problem).toMatchObject({ code: 'CHANNEL_NOT_OFFERED', field: 'channel' });
  });

  it('accepts a dossier whose calendar year is missing and fills its due date when the calendar arrives', async () => {
    const old = rec({ seq: 50, receivedAt: '1990-01-12T09:00:00+07:00' });
    expect((await sync([old])).json().results[0]).toMatchObject({ outcome: 'created', dueAt: null });
    const [before] = await service.app.get(DataSource).query('SELECT due_date_state FROM dossier WHERE code = $1', [old.code]);
    expect(before.due_date_state).toBe('CALENDAR_MISSING');
    await service.app.get(DataSource).transaction((tx) => service.app.get(CalendarUpdatedConsumer).handle(consumed(calendarEvent(1990), 'catalogue.calendar.updated.v1'), tx));
    const [after] = await service.app.get(DataSource).query('SELECT due_date_state, due_at FROM dossier WHERE code = $1', [old.code]);
    expect(after).toEqual({ due_date_state: 'SET', due_at: new Date('1990-01-19T17:00:00+07:00') });
  });

  it("moves the due dates of running dossiers when the agency's calendar adds a closure; finished ones keep theirs", async () => {
    const running = rec({ seq: 60 });
    const finished = rec({ seq: 61, status: 9, statusChangedAt: '2026-01-13T10:00:00+07:00', steps: [
      { at: '2026-01-12T09:00:00+07:00', status: 2 },
      { at: '2026-01-12T10:00:00+07:00', status: 4 },
    ] });
    expect((await sync([running, finished])).json().results.map((r: { dueAt: string }) => r.dueAt)).toEqual(['2026-01-19T17:00:00+07:00', '2026-01-19T17:00:00+07:00']);
    const ds = service.app.get(DataSource);
    const before = await ds.query('SELECT updated_at FROM dossier WHERE code = $1', [running.code]);
    const closure = { ...calendarEvent(2026, ['2026-01-14']), scope: agency, revision: 1 };
    await ds.transaction((tx) => service.app.get(CalendarUpdatedConsumer).handle(consumed(closure, 'catalogue.calendar.updated.v1'), tx));
    const rows = await ds.query('SELECT code, due_at, timeliness, updated_at FROM dossier WHERE code = ANY($1) ORDER BY code', [[running.code, finished.code]]);
    expect(rows.map((r: { due_at: Date }) => r.due_at)).toEqual([new Date('2026-01-20T17:00:00+07:00'), new Date('2026-01-19T17:00:00+07:00')]);
    expect(rows[0].updated_at.getTime()).toBeGreaterThan(before[0].updated_at.getTime());
    expect(rows[1].timeliness).toBe('EARLY');
    // The same snapshot again (redelivery) changes nothing.
    await ds.transaction((tx) => service.app.get(CalendarUpdatedConsumer).handle(consumed(closure, 'catalogue.calendar.updated.v1'), tx));
    expect((await ds.query('SELECT updated_at FROM dossier WHERE code = $1', [running.code]))[0].updated_at).toEqual(rows[0].updated_at);
  });

  it("keeps what the agency says beyond the status: step terms, result ids, and the supplements it took in, merged with the applicant's own and never removed", async () => {
    const system = service.identity({ kind: 'agency-system', agencyCodes: [agency], roles: ['dossier:sync', 'dossier:read'] });
    const read = async (code: string) => (await service.app.inject({ method: 'GET', url: `/v1/dossiers/${code}`, headers: { 'x-hub-identity': system } })).json();
    const requested = { id: 'BS1', at: '2026-01-14T10:00:00+07:00', requestedAt: '2026-01-13T09:00:00+07:00', note: 'Bổ sung bản vẽ' };
    const first = rec({
      seq: 71,
      status: 5,
      statusChangedAt: '2026-01-13T09:00:00+07:00',
      steps: [{ at: '2026-01-13T09:00:00+07:00', status: 5, content: 'Yêu cầu bổ sung', startedAt: '2026-01-12T09:30:00+07:00', dueAt: '2026-01-13T17:00:00+07:00' }],
      results: [{ id: 'KQ1', name: 'Giấy phép', electronic: true }],
      supplements: [requested],
    });
    expect((await sync([first])).json().results[0]).toMatchObject({ outcome: 'created', status: 5 });
    const code = first.code as string;
    const portal = service.identity({ roles: ['dossier:applicant-action'] });
    expect((await service.app.inject({ method: 'POST', url: `/v1/dossiers/${code}/supplements`, headers: { 'x-hub-identity': portal }, payload: { note: 'Bản sao CCCD' } })).statusCode).toBe(200);
    // The next snapshot re-sends BS1 (changed) and adds BS2: BS1 is known by its id; the applicant's own stays.
    const second = { ...first, version: 2, supplements: [{ ...requested, note: 'sửa lại' }, { id: 'BS2', at: '2026-01-15T08:00:00+07:00', note: 'Bổ sung CCCD' }] };
    expect((await sync([second])).json().results[0]).toMatchObject({ outcome: 'updated', version: 2 });
    const view = await read(code);
    expect(view.supplements).toEqual([
      { ...requested, reportedBy: 'agency' },
      { id: 'BS2', at: '2026-01-15T08:00:00+07:00', requestedAt: null, note: 'Bổ sung CCCD', reportedBy: 'agency' },
      { at: expect.any(String), requestedAt: null, note: 'Bản sao CCCD', reportedBy: 'applicant' },
    ]);
    expect(view.steps).toEqual([expect.objectContaining({ status: 5, startedAt: '2026-01-12T09:30:00+07:00', dueAt: '2026-01-13T17:00:00+07:00' })]);
    expect(view.results).toEqual([{ id: 'KQ1', name: 'Giấy phép', number: null, electronic: true }]);

    // A supplement taken in before receipt is refused like any other time off the timeline, and nothing is stored.
    const early = await sync([{ ...second, version: 3, supplements: [{ at: '2026-01-11T08:00:00+07:00' }] }]);
    expect(early.json().results[0]).toMatchObject({ outcome: 'rejected', problem: { code: 'TIME_OUT_OF_ORDER', field: 'supplements.0.at' } });
    expect((await read(code)).version).toBe(2);

    // Progress steps keep their terms too; a step known by time, status and content keeps its first ones.
    const steps = (startedAt: string) =>
      service.app.inject({
        method: 'POST',
        url: '/v1/dossiers:record-steps',
        headers: { 'x-hub-identity': system },
        payload: { steps: [{ code, at: '2026-01-16T09:00:00+07:00', status: 4, content: 'Tiếp tục xử lý', startedAt }] },
      });
    expect((await steps('2026-01-15T08:00:00+07:00')).json().results[0]).toMatchObject({ outcome: 'updated', status: 4 });
    expect((await steps('2026-01-15T09:00:00+07:00')).json().results[0]).toMatchObject({ outcome: 'unchanged' });
    expect((await read(code)).steps.map((s: { status: number; startedAt: string | null; dueAt: string | null }) => [s.status, s.startedAt, s.dueAt])).toEqual([
      [5, '2026-01-12T09:30:00+07:00', '2026-01-13T17:00:00+07:00'],
      [4, '2026-01-15T08:00:00+07:00', null],
    ]);
  });

  it('refuses more than 1 000 records with 413 and stores nothing', async () => {
    const res = await sync(Array.from({ length: 1001 }, (_, i) => rec({ seq: 2000 + i })));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BATCH_TOO_LARGE', count: 1001, max: 1000 });
    expect(await count("SELECT count(*) AS n FROM dossier WHERE code LIKE '%-2___'")).toBe(0);
  });
});
