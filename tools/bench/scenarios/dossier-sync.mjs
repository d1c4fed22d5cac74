// dossier-sync: what a 1,000-record `POST /v1/dossiers:sync` batch through the gateway costs (record validation,
// scope, procedure and calendar read models, the due clock, advisory locks, one load of states, set-wise upsert of
// dossiers, history and notices, the outbox rows, the relay to Kafka) against the floor the database sets: one raw
// multi-row `INSERT ... ON CONFLICT DO UPDATE` of the same 1,000 records as jsonb rows, in one transaction, with `pg`.
import { performance } from 'node:perf_hooks';
import { benchPool } from '../lib/db.mjs';
import { fmt, median } from '../lib/stats.mjs';
import { withProfilers, cpuSeconds } from '../lib/util.mjs';
import { AGENCIES, BATCH, PROCEDURE, RAW_SYNC_TABLE, rawUpsert, record } from '../lib/sync-records.mjs';
import { Batches, prepareSyncHub, syncCounters, syncGatewayEnv } from '../lib/sync-hub.mjs';
import { startBareChain, startDesignFloor } from '../lib/bare-chain.mjs';
import { DESIGN_FLOOR_TABLES, syncWrite } from '../lib/design-floor-sql.mjs';

export const name = 'dossier-sync';
export const description =
  'POST /v1/dossiers:sync with 1,000-record batches through the gateway (new dossiers, then new versions of them) ' +
  'vs a raw pg multi-row INSERT ... ON CONFLICT DO UPDATE of the same 1,000 records (jsonb) in one transaction; ' +
  'and the floor of the process layout: the same upsert behind two bare Node HTTP hops (a proxy, then a handler); ' +
  'and the floor of the design: the same hops doing only the durable work the design requires (the upsert with one ' +
  'outbox event per record, the relay to Kafka, the exchange log before the answer).';

async function metric(url, name) {
  const text = await fetch(`${url}/metrics`).then((r) => r.text(), () => '');
  // Lines carry the service's default label: `name{service="dossier"} 0.012`.
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ')[1]) * 1000 : NaN;
}

export async function run(ctx) {
  const hub = await ctx.startHub(withProfilers({ apps: ['gateway', 'dossier'], env: { gateway: syncGatewayEnv() } }));
  const { sync } = await prepareSyncHub(ctx, hub);
  const subjectBatches = new Batches(1);
  await sync(subjectBatches.create()); // warm-up: JIT, pools, prepared metadata
  await sync(subjectBatches.update());
  ctx.log(`sync answers 200 with ${BATCH} records created, then updated`);

  const rawDb = await ctx.createDatabase('sync_raw');
  const pool = benchPool(rawDb.url, 2);
  ctx.defer('close the raw pool', () => pool.end());
  await pool.query(RAW_SYNC_TABLE);
  const rawBatches = new Batches(1);
  /** `write(client, records)` in one transaction on a connection of `pool`. */
  const inTransaction = (pool, write) => async (records) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await write(c, records);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };
  const rawInsert = inTransaction(pool, rawUpsert);
  await rawInsert(rawBatches.create());
  await rawInsert(rawBatches.update());

  const counters = syncCounters(ctx, hub);

  /** Sequential batches for the measured duration (at least 3): records/s, batch latency, CPU per batch. */
  const measure = (send, next, withCpu) => async () => {
    const { durationSec } = ctx.options;
    const latencies = [];
    const before = withCpu ? await counters.read() : null;
    if (withCpu) await metric(hub.urls.dossier, 'nodejs_eventloop_lag_p99_seconds'); // a scrape resets the lag histogram
    const t0 = performance.now();
    while (latencies.length < 3 || performance.now() - t0 < durationSec * 1000) {
      const records = next();
      const t = performance.now();
      await send(records);
      latencies.push(performance.now() - t);
    }
    const secs = (performance.now() - t0) / 1000;
    const sample = { rps: (latencies.length * BATCH) / secs, p50: median(latencies), batches: latencies.length };
    if (withCpu) {
      const lagP99 = await metric(hub.urls.dossier, 'nodejs_eventloop_lag_p99_seconds');
      const lagMax = await metric(hub.urls.dossier, 'nodejs_eventloop_lag_max_seconds');
      const after = await counters.read();
      Object.assign(sample, {
        ...counters.perBatch(before, after, latencies.length),
        lagP99,
        lagMax,
      });
    }
    return sample;
  };

  /** Adds the CPU of `pids` (ms per batch, keys `<name>Ms`) to what `measure` gives. */
  const withCpuOf = (pids, measureIt) => async () => {
    const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
    const sample = await measureIt();
    for (const [k, pid] of Object.entries(pids)) sample[`${k}Ms`] = ((cpuSeconds(pid) - before[k]) * 1000) / sample.batches;
    return sample;
  };

  const metrics = (what) => [
    { key: 'rps', metric: `throughput, ${what} 1,000-record batches one after another`, unit: 'records/s', better: 'higher' },
    { key: 'p50', metric: `p50 time of one 1,000-record batch (${what})`, unit: 'ms', better: 'lower' },
  ];
  const created = await ctx.compare({
    baseline: { label: 'raw multi-row insert of 1,000 new rows', measure: measure(rawInsert, () => rawBatches.create(), false) },
    subject: { label: 'sync of 1,000 new dossiers', measure: measure(sync, () => subjectBatches.create(), true) },
    metrics: metrics('new'),
  });
  const updated = await ctx.compare({
    baseline: { label: 'raw multi-row upsert of 1,000 existing rows', measure: measure(rawInsert, () => rawBatches.update(), false) },
    subject: { label: 'sync of the next version of 1,000 dossiers', measure: measure(sync, () => subjectBatches.update(), true) },
    metrics: metrics('next-version'),
  });

  // Straight to the dossier service (signed identity): what the gateway adds to a batch.
  const direct = async (records) => {
    // A signed identity is bound to its audience, method and path and is valid once: a fresh one per call.
    const identity = hub.identityHeader(
      { clientId: `bench-sync-${hub.suffix}`, kind: 'agency-system', roles: ['dossier:sync'], agencyCodes: AGENCIES },
      { app: 'dossier', method: 'POST', path: '/v1/dossiers:sync' },
    );
    const res = await fetch(`${hub.urls.dossier}/v1/dossiers:sync`, {
      method: 'POST',
      headers: { 'x-hub-identity': identity, 'content-type': 'application/json' },
      body: JSON.stringify({ dossiers: records }),
    });
    if (res.status !== 200) throw new Error(`direct sync answered ${res.status}`);
    await res.arrayBuffer();
  };
  const directSample = await measure(direct, () => subjectBatches.create(), false)();

  // The floor of the layout: the same raw upsert behind a bare Node proxy and a bare Node handler (JSON in, JSON out).
  const bare = await startBareChain(ctx, { database: 'sync_bare', poolMax: 2 });
  const bareBatches = new Batches(1);
  /** A batch sent to one of the bench's own chains (JSON in, 200 and JSON out). */
  const viaChain = (chain, label) => async (records) => {
    const res = await fetch(`${chain.url}/v1/dossiers:sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dossiers: records }) });
    if (res.status !== 200) throw new Error(`${label} answered ${res.status} ${await res.text()}`);
    await res.json();
  };
  const viaBare = viaChain(bare, 'bare chain');
  await viaBare(bareBatches.create());
  const floor = await ctx.compare({
    baseline: { label: 'raw multi-row insert of 1,000 new rows', measure: measure(rawInsert, () => rawBatches.create(), false) },
    subject: { label: 'bare proxy → bare handler → the same insert', measure: measure(viaBare, () => bareBatches.create(), false) },
    metrics: [{ key: 'rps', metric: 'floor of the layout (two bare hops + the raw upsert), new 1,000-record batches', unit: 'records/s', better: 'higher' }],
  });

  // The floor of the design: the upsert with one event per record, the relay to Kafka, the exchange log (design-floor-proc.mjs).
  const design = await startDesignFloor(ctx, { database: 'sync_design', poolMax: 2 });
  const designBatches = new Batches(1);
  const viaDesign = viaChain(design, 'design floor');
  await viaDesign(designBatches.create());
  const designCpuPids = { proxy: design.pids.proxy, service: design.pids.service };
  const designFloor = await ctx.compare({
    baseline: { label: 'raw multi-row insert of 1,000 new rows', measure: measure(rawInsert, () => rawBatches.create(), false) },
    subject: { label: 'floor of the design, new 1,000-record batches', measure: withCpuOf(designCpuPids, measure(viaDesign, () => designBatches.create(), false)) },
    metrics: [{ key: 'rps', metric: 'floor of the design (the hops + the upsert with one event per record, relay to Kafka, exchange log), new 1,000-record batches', unit: 'records/s', better: 'higher' }],
  });
  const designLeft = await design.outboxLeft();

  // The design's write alone, straight from pg (no HTTP, no Kafka): the upsert with one event per record in one
  // statement and one commit. Less than the design requires (the relay must still remove the events): a bound on
  // what any implementation of the design can reach against the raw upsert.
  const writesDb = await ctx.createDatabase('sync_design_writes');
  await ctx.withPg(writesDb.url, (c) => c.query(DESIGN_FLOOR_TABLES));
  const writesPool = benchPool(writesDb.url, 2);
  ctx.defer('close the design-writes pool', () => writesPool.end());
  const writesBatches = new Batches(1);
  const designWrites = inTransaction(writesPool, syncWrite);
  const writesOnly = await ctx.compare({
    baseline: { label: 'raw multi-row insert of 1,000 new rows', measure: measure(rawInsert, () => rawBatches.create(), false) },
    subject: { label: "the design's write alone, raw pg", measure: measure(designWrites, () => writesBatches.create(), false) },
    metrics: [{ key: 'rps', metric: "the design's write alone (raw pg: BEGIN; the upsert with one outbox event per record, one statement; COMMIT), new 1,000-record batches", unit: 'records/s', better: 'higher' }],
  });

  const [{ pending, outbox }] = await ctx.withPg(hub.databases.dossier, (c) =>
    // The relay deletes what it sent: the rows written are the ids the outbox's sequence handed out.
    c.query('SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS pending, (SELECT last_value FROM outbox_id_seq)::int AS outbox FROM outbox').then((r) => r.rows),
  );
  const m = (samples, key) => fmt(median(samples.map((s) => s[key])));
  const notes = [];
  for (const [label, cmp] of [
    ['new dossiers', created],
    ['next versions', updated],
  ]) {
    const s = cmp.samples.subject;
    notes.push(
      `Per ${label} batch (median): CPU gateway ${m(s, 'cpuGatewayMs')} ms, dossier ${m(s, 'cpuDossierMs')} ms, its PostgreSQL backends ${m(s, 'cpuPostgresMs')} ms; ` +
        `in the kernel: gateway ${m(s, 'sysGatewayMs')} ms, dossier ${m(s, 'sysDossierMs')} ms; minor page faults: gateway ${m(s, 'faultsGateway')}, dossier ${m(s, 'faultsDossier')}; ` +
        `dossier event-loop delay p99 ${m(s, 'lagP99')} ms, max ${m(s, 'lagMax')} ms (over the measured window).`,
    );
  }
  notes.push(
    `Straight to the dossier service (signed identity, new dossiers): p50 ${fmt(directSample.p50)} ms per batch, ${fmt(directSample.rps)} records/s ` +
      `(through the gateway: ${fmt(created.rows[1].subject)} ms).`,
    `Outbox rows written: ${outbox}; still unpublished at the end: ${pending}.`,
    `The floor of the layout — the raw upsert behind a bare Node proxy and a bare Node handler (no auth, validation, history, outbox or events) — reaches ${fmt(floor.rows[0].ratio)}× the raw upsert (p50 ${fmt(median(floor.samples.subject.map((x) => x.p50)))} ms per batch); ` +
      `sync of new dossiers reaches ${fmt(median(created.samples.subject.map((x, i) => x.rps / floor.samples.subject[i].rps)))}× this floor.`,
    `The floor of the design — the same hops doing only the durable work the design requires: one statement upserting the 1,000 dossiers and writing one outbox event per record, a relay sending the events to Kafka (idempotent, acks=-1, envelope headers) and removing them, the proxy appending the exchange to a hash-chained log (durable) before the answer; no auth, validation, history, notices, due clock or logging — reaches ${fmt(designFloor.rows[0].ratio)}× the raw upsert (p50 ${fmt(median(designFloor.samples.subject.map((x) => x.p50)))} ms per batch; CPU per batch: proxy ${m(designFloor.samples.subject, 'proxyMs')} ms, service ${m(designFloor.samples.subject, 'serviceMs')} ms; events left unsent: ${designLeft}); ` +
      `sync of new dossiers reaches ${fmt(median(created.samples.subject.map((x, i) => x.rps / designFloor.samples.subject[i].rps)))}× this floor.`,
    `The design's write alone — the same upsert and one outbox event per record in one statement and one commit, straight from pg with no HTTP, no Kafka and no removal of the events by a relay (less than the design requires) — reaches ${fmt(writesOnly.rows[0].ratio)}× the raw upsert (p50 ${fmt(median(writesOnly.samples.subject.map((x) => x.p50)))} ms per batch): every record is written twice (the dossier and its event) where the baseline writes it once.`,
  );
  await hub.stop();
  return {
    baseline: 'raw pg: BEGIN; one multi-row INSERT ... ON CONFLICT (code) DO UPDATE of the same 1,000 records as jsonb; COMMIT',
    subject: 'POST /v1/dossiers:sync with the 1,000 records through the gateway (agency-system API key)',
    rows: [...created.rows, ...updated.rows, ...floor.rows, ...designFloor.rows, ...writesOnly.rows],
    notes,
  };
}

/** For ad-hoc probes of the same records (not part of the harness contract). */
export const __probe = { PROCEDURE, AGENCIES, record };
