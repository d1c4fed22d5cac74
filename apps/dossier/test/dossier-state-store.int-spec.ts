import { MessagingLifecycle } from '@hub/messaging';
import { DataSourceTransactionRunner, runTransaction, sendNow } from '@hub/persistence';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { DossierStateStore } from '../src/dossier/dossier-state.store';
import { DossierEntity, DossierNoticeEntity, DossierStatusHistoryEntity } from '../src/dossier/dossier.entity';
import { changeOf, noticeOf, stateOf } from '../src/dossier/dossier-row.mapper';
import { record, seedReferenceData, uniqueAgency } from './sync-support';

/**
 * The store reads dossiers with hand-written statements and maps their rows by the entities' metadata: what it loads
 * must be exactly what TypeORM's own `find` reads from the same rows (types, nulls, order of history and notices).
 */
describe('DossierStateStore.load against real PostgreSQL', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const agency = uniqueAgency();
  const procedureCode = `1.${100_000 + Math.floor(Math.random() * 900_000)}`;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
    await seedReferenceData(service, agency, procedureCode);
  });

  afterAll(() => service?.close());

  it('loads what TypeORM reads: every column with its type, nulls, history and notices in order; unknown codes are absent', async () => {
    const batch = [
      record(agency, procedureCode, { seq: 1 }),
      record(agency, procedureCode, { seq: 2, status: 4, statusChangedAt: '2026-01-13T10:00:00+07:00', steps: [{ at: '2026-01-13T10:00:00+07:00', status: 4 }] }),
      record(agency, procedureCode, { seq: 3, status: 10, statusChangedAt: '2026-01-14T10:00:00+07:00', summary: 'Cấp "bản sao" \\ lần 2' }),
    ];
    const res = await service.app.inject({
      method: 'POST',
      url: '/v1/dossiers:sync',
      headers: { 'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: [agency], roles: ['dossier:sync'] }) },
      payload: { dossiers: batch },
    });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created', 'created']);
    const codes = batch.map((r) => r.code as string);
    const ds = service.app.get(DataSource);
    // Two notices on one dossier, inserted out of their order of issue; one with its nullable columns null.
    await ds.query(
      `INSERT INTO dossier_notice (dossier_code, form, number, issued_at, signed_by, reason, new_due_at, late, source)
       VALUES ($1, '02', 'N2', '2026-01-15T03:00:00Z', 'B', 'thiếu giấy tờ', '2026-01-20T10:00:00Z', true, 'agency'),
              ($1, '01', 'N1', '2026-01-14T03:00:00Z', 'A', NULL, NULL, false, 'hub')`,
      [codes[1]],
    );

    const loaded = await ds.transaction((tx) => service.app.get(DossierStateStore).load(tx, [...codes, `${agency}-260112-9999`, codes[0]]));

    const rows = await ds.manager.find(DossierEntity, { where: { code: In(codes) } });
    const history = await ds.manager.find(DossierStatusHistoryEntity, { where: { dossierCode: In(codes) }, order: { dossierCode: 'ASC', seq: 'ASC' } });
    const notices = await ds.manager.find(DossierNoticeEntity, { where: { dossierCode: In(codes) }, order: { dossierCode: 'ASC', issuedAt: 'ASC' } });
    expect([...loaded.keys()].sort()).toEqual(codes);
    expect(notices.map((n) => n.number)).toEqual(['N1', 'N2']);
    expect(history.length).toBeGreaterThanOrEqual(codes.length);
    for (const row of rows) {
      const stored = loaded.get(row.code)!;
      const own = <T extends { dossierCode: string }>(list: T[]) => list.filter((x) => x.dossierCode === row.code);
      expect(stored.state).toEqual(stateOf(row, own(history).map(changeOf), own(notices).map(noticeOf)));
      expect(stored.identity).toEqual({ submittedBy: row.submittedBy, lookupKeyHash: row.lookupKeyHash, submittedAt: row.submittedAt, updatedAt: row.updatedAt });
      expect(stored.identity.submittedAt).toBeInstanceOf(Date);
    }
    expect(loaded.get(codes[1])!.state.notices.map((n) => n.number)).toEqual(['N1', 'N2']);
    expect(loaded.get(codes[2])!.state.summary).toBe('Cấp "bản sao" \\ lần 2');

    // lockAndLoad sends the locks and the reads together: it reads the same, and holds each code's lock until the end.
    const store = service.app.get(DossierStateStore);
    await ds.transaction(async (tx) => {
      const locked = await store.lockAndLoad(tx, [codes[2], `${agency}-260112-9999`, ...codes]);
      expect(locked).toEqual(loaded);
      const [{ free }] = await ds.query('SELECT bool_and(pg_try_advisory_xact_lock(hashtextextended(c, 6))) AS free FROM unnest($1::text[]) AS c', [[codes[0]]]);
      expect(free).toBe(false);
    });
    expect(await ds.transaction((tx) => store.lockAndLoad(tx, []))).toEqual(new Map());
  });
});

describe('sendNow against real PostgreSQL', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const table = `send_now_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot });
    await service.app.get(DataSource).query(`CREATE TABLE ${table} (n int PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  });

  afterAll(async () => {
    await service?.app.get(DataSource).query(`DROP TABLE IF EXISTS ${table}`);
    await service?.close();
  });

  it('runs the statements of a transaction in the order sent, each seeing the ones before', async () => {
    const ds = service.app.get(DataSource);
    const counts = await ds.transaction(async (tx) => {
      const sent = [1, 2, 3, 4, 5].map((n) => sendNow<{ seen: string }>(tx, `WITH i AS (INSERT INTO ${table} (n) VALUES ($1)) SELECT count(*) AS seen FROM ${table}`, [n]));
      return (await Promise.all(sent)).map(([row]) => Number(row.seen));
    });
    expect(counts).toEqual([0, 1, 2, 3, 4]);
    const rows: { n: number }[] = await ds.query(`SELECT n FROM ${table} ORDER BY at, n`);
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends a statement before returning whenever none of the transaction is running, and queues it otherwise', async () => {
    const ds = service.app.get(DataSource);
    await ds.transaction(async (tx) => {
      const client = (tx.queryRunner as unknown as { databaseConnection: { query: (...args: unknown[]) => unknown } }).databaseConnection;
      const sent = jest.spyOn(client, 'query');
      try {
        const first = sendNow(tx, 'SELECT pg_sleep(0.05)', []);
        const queued = sendNow(tx, 'SELECT 2 AS n', []);
        expect(sent).toHaveBeenCalledTimes(1); // the second waits for the first to answer
        await Promise.all([first, queued]);
        expect(sent).toHaveBeenCalledTimes(2);
        // Everything before has settled: the next goes out at once, before the caller's own work goes on.
        const later = sendNow(tx, 'SELECT 3 AS n', []);
        expect(sent).toHaveBeenCalledTimes(3);
        expect(await later).toEqual([{ n: 3 }]);
      } finally {
        sent.mockRestore();
      }
    });
  });

  it('rejects with the first failure and leaves nothing written: the statements after it fail, the transaction rolls back', async () => {
    const ds = service.app.get(DataSource);
    const work = ds.transaction(async (tx) => {
      const sent = [sendNow(tx, `INSERT INTO ${table} (n) VALUES (100)`, []), sendNow(tx, 'SELECT 1 / $1::int', [0]), sendNow(tx, `INSERT INTO ${table} (n) VALUES (101)`, [])];
      await Promise.all(sent);
    });
    await expect(work).rejects.toMatchObject({ code: '22012' }); // division_by_zero, not the aborted transaction's 25P02
    expect(await ds.query(`SELECT n FROM ${table} WHERE n >= 100`)).toEqual([]);
  });

  type Run = <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>;
  it.each<[string, number, (ds: DataSource) => Run]>([
    ['TransactionRunner (use cases)', 200, (ds) => (work) => new DataSourceTransactionRunner(ds).run(work)],
    ['runTransaction (event handlers)', 300, (ds) => (work) => runTransaction(ds, work)],
  ])('%s does not commit a transaction whose statement failed unawaited, and rolls back only once the statements settled', async (_, n, runnerOf) => {
    const ds = service.app.get(DataSource);
    const run = runnerOf(ds);
    // The work returns without awaiting: the failure must still reach the caller, and the insert before it must not commit.
    const unawaited = run(async (tx) => {
      void sendNow(tx, `INSERT INTO ${table} (n) VALUES ($1)`, [n]);
      void sendNow(tx, 'SELECT 1 / $1::int', [0]);
      return 'done';
    });
    await expect(unawaited).rejects.toMatchObject({ code: '22012' });
    // The work fails while a slow statement runs: the rollback waits for it (a busy client would otherwise be sent ROLLBACK).
    const failing = run(async (tx) => {
      void sendNow(tx, `INSERT INTO ${table} (n) SELECT $1::int FROM pg_sleep(0.2)`, [n + 1]);
      throw new Error('the work failed');
    });
    await expect(failing).rejects.toThrow('the work failed');
    expect(await ds.query(`SELECT n FROM ${table} WHERE n >= $1 AND n < $2`, [n, n + 100])).toEqual([]);
    // And a transaction that awaited its statements commits them.
    await run(async (tx) => Promise.all([sendNow(tx, `INSERT INTO ${table} (n) VALUES ($1)`, [n + 2]), sendNow(tx, `INSERT INTO ${table} (n) VALUES ($1)`, [n + 3])]));
    expect((await ds.query(`SELECT n FROM ${table} WHERE n >= $1 AND n < $2 ORDER BY n`, [n, n + 100])).map((r: { n: number }) => r.n)).toEqual([n + 2, n + 3]);
  });

  it('refuses an EntityManager outside a transaction', async () => {
    expect(() => sendNow(service.app.get(DataSource).manager, 'SELECT 1', [])).toThrow('sendNow needs the EntityManager of a running transaction');
  });
});
