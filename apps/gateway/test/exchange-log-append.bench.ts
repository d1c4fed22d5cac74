/**
 * Appends per second to the exchange log at concurrency 1 and 16, store level against a real PostgreSQL:
 * one transaction per append (the five round trips the gateway used before group commit, kept here as the
 * baseline) against the appender's group commit. Both run in the same process, alternating, on a throwaway
 * database; figures are ratios. Not part of any test run (no jest config matches *.bench.ts):
 *
 *   npx jest -c apps/gateway/jest.int.config.js --testMatch '**\/exchange-log-append.bench.ts'
 */
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { DataSource } from 'typeorm';
import { chainNext, type ExchangeEntry, type ExchangeRecord } from '../src/exchange-log/exchange-log-chain';
import { ExchangeLogAppender } from '../src/exchange-log/exchange-log.appender';
import { ExchangeLogStore } from '../src/exchange-log/exchange-log.store';
import { ExchangeLog1764800000002 } from '../src/migrations/1764800000002-exchange-log';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const record = (): ExchangeRecord => ({
  recordedAt: new Date(),
  clientId: 'bench-portal',
  method: 'POST',
  path: '/v1/dossiers',
  agencyCodes: ['000.00.15.H31'],
  status: 201,
  requestHash: 'a'.repeat(64),
  responseHash: 'b'.repeat(64),
  correlationId: 'corr-bench',
});

/** The append before group commit: BEGIN; head FOR UPDATE; INSERT; UPDATE head; COMMIT, per record. */
function appendOneByOne(ds: DataSource, r: ExchangeRecord): Promise<ExchangeEntry> {
  return ds.transaction(async (tx) => {
    const [head]: { seq: string; entry_hash: string }[] = await tx.query('SELECT seq, entry_hash FROM exchange_log_head WHERE id = 1 FOR UPDATE');
    const e = chainNext({ seq: Number(head.seq), entryHash: head.entry_hash }, r);
    await tx.query(
      `INSERT INTO exchange_log (seq, recorded_at, client_id, method, path, agency_codes, status, request_hash, response_hash, correlation_id, prev_hash, entry_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [e.seq, e.recordedAt, e.clientId, e.method, e.path, e.agencyCodes, e.status, e.requestHash, e.responseHash, e.correlationId, e.prevHash, e.entryHash],
    );
    await tx.query('UPDATE exchange_log_head SET seq = $1, entry_hash = $2 WHERE id = 1', [e.seq, e.entryHash]);
    return e;
  });
}

/** `concurrency` callers appending back to back for SECONDS: appends per second. */
async function rate(append: (r: ExchangeRecord) => Promise<unknown>, concurrency: number): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  let done = 0;
  const caller = async () => {
    while (Date.now() < end) {
      await append(record());
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  return done / ((Date.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('exchange-log append throughput (bench)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('xlog_bench');
    ds = new DataSource({ type: 'postgres', url: db.url, migrations: [ExchangeLog1764800000002], extra: { max: 10 } });
    await ds.initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reports appends/s before and after group commit', async () => {
    const store = new ExchangeLogStore(ds);
    let groups = 0;
    const counted = {
      appendAll: (rs: readonly ExchangeRecord[]) => {
        groups++;
        return store.appendAll(rs);
      },
    };
    const appender = new ExchangeLogAppender(counted);
    const variants = { before: (r: ExchangeRecord) => appendOneByOne(ds, r), after: (r: ExchangeRecord) => appender.append(r) };
    const lines: string[] = [];
    for (const concurrency of [1, 16]) {
      const figures = { before: [] as number[], after: [] as number[], ratio: [] as number[], perGroup: [] as number[] };
      for (let run = 0; run < RUNS; run++) {
        const order = run % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        const got: Record<string, number> = {};
        for (const name of order) {
          groups = 0;
          const [{ seq: from }] = await ds.query('SELECT seq::int FROM exchange_log_head');
          got[name] = await rate(variants[name], concurrency);
          const [{ seq: to }] = await ds.query('SELECT seq::int FROM exchange_log_head');
          if (name === 'after') figures.perGroup.push((to - from) / groups);
        }
        figures.before.push(got.before);
        figures.after.push(got.after);
        figures.ratio.push(got.after / got.before);
      }
      lines.push(
        `concurrency ${concurrency}: before ${median(figures.before).toFixed(0)}/s, after ${median(figures.after).toFixed(0)}/s, ` +
          `after/before ${median(figures.ratio).toFixed(2)}× (runs ${figures.ratio.map((x) => x.toFixed(2)).join(', ')}), ` +
          `records per group ${median(figures.perGroup).toFixed(1)}`,
      );
    }
    console.log(lines.join('\n'));
  });
});
