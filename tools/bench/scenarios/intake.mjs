// intake: what durable online intake (POST /v1/dossiers through the gateway: scope and procedure checks,
// gap-free daily code, dossier row, outbox event, NOTIFY, relay to Kafka) costs against the floor the
// database sets: a raw `pg` loop of `BEGIN; INSERT` (one jsonb row of the same size)`; COMMIT` on the same server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from '../lib/stats.mjs';
import { AGENCIES, intakeBody, rawCommitLoop, seedProcedure } from '../lib/intake-requests.mjs';
import { withProfilers } from '../lib/util.mjs';
import { startBareChain, startDesignFloor } from '../lib/bare-chain.mjs';
import { busiestPostgresProcesses, perfDirectory, perfUnavailable, phaseLines, postgresShares, recordSystemWide } from '../lib/perf.mjs';

export const name = 'intake';
export const description =
  'POST /v1/dossiers through the gateway (16 connections spread over 16 agencies, then all to one agency, then 1 connection) ' +
  'vs a raw pg loop of BEGIN; INSERT one jsonb row; COMMIT with the same concurrency on the same PostgreSQL server; ' +
  'and the floor of the process layout: the same commit behind two bare Node HTTP hops (a proxy, then a handler); ' +
  'and the floor of the design: the same hops doing only the durable work the design requires (numbering, dossier and ' +
  'outbox rows in a group commit, the relay to Kafka, the exchange log before the answer).';

const CLIENT = { clientId: 'bench-intake-portal', kind: 'portal', roles: ['dossier:submit', 'dossier:read'], agencyCodes: [] };

const bodyFor = (agency, i) => JSON.stringify(intakeBody(agency, i));

/** The dossier's intake group statement (`queryPrepared` name in numbered-intake.writer.ts), captured from the hub. */
const INTAKE_STATEMENT = 'hub_dossier_intake_group';
const CAPTURE_PRELOAD = fileURLToPath(new URL('../lib/capture-statement-preload.cjs', import.meta.url));

export async function run(ctx) {
  const connections = 16;
  // The write limit (3,000 a minute per client by default) would answer 429 to most of a saturating load: lifted, and
  // counted in a key space of this run's own.
  const gatewayEnv = { RATE_LIMIT_WRITE: '1000000000', RATE_LIMIT_KEY_PREFIX: `hub:bench:${process.pid}:${Date.now()}:` };
  // The dossier's first intake statement (the sanity check's) is written to a file for the floor of the design with the
  // hub's statement; the preload is gone from the dossier after it.
  const captureDir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  ctx.defer(`remove ${captureDir}`, () => rmSync(captureDir, { recursive: true, force: true }));
  const statementFile = join(captureDir, 'intake-statement.json');
  const hub = await ctx.startHub(
    withProfilers({
      apps: ['gateway', 'dossier'],
      env: { gateway: gatewayEnv, dossier: { BENCH_CAPTURE_STATEMENT: INTAKE_STATEMENT, BENCH_CAPTURE_FILE: statementFile } },
      nodeArgs: { dossier: ['--require', CAPTURE_PRELOAD] },
    }),
  );
  await seedProcedure(ctx, hub.databases.dossier);
  const apiKey = await hub.registerClient(CLIENT);
  const first = await hub.request('POST', '/v1/dossiers', { apiKey, body: JSON.parse(bodyFor(AGENCIES[0], 0)) });
  if (first.status !== 201) throw new Error(`sanity check: POST /v1/dossiers answered ${first.status} ${JSON.stringify(first.body)}`);
  ctx.log(`intake answers 201 ${first.body.code}`);
  if (!existsSync(statementFile)) throw new Error(`the dossier sent no statement named ${INTAKE_STATEMENT} for its first intake (renamed?): the floor with the hub's statement needs it`);

  // The baseline table lives in its own database on the same server; its row is what intake stores.
  const rawRow = JSON.stringify({ ...JSON.parse(bodyFor(AGENCIES[0], 0)), code: first.body.code, status: 1 });
  const rawLoop = await rawCommitLoop(ctx, { database: 'intake_raw', maxClients: connections, row: rawRow });
  const infraCpu = await ctx.infraCpu();
  const bare = await startBareChain(ctx, { database: 'intake_bare', poolMax: connections });
  const design = await startDesignFloor(ctx, { database: 'intake_design', poolMax: connections });
  const hubSql = await startDesignFloor(ctx, {
    database: 'intake_hubsql',
    poolMax: connections,
    hubIntake: { schemaFrom: hub.databases.dossier, statementFile, seed: (url) => seedProcedure(ctx, url) },
  });

  const cpuPids = { gateway: hub.pidOf('gateway'), dossier: hub.pidOf('dossier'), loadgen: process.pid, ...infraCpu };
  const viaGateway = (agencies, conns, overrides = {}) => () =>
    ctx.load({
      url: `${hub.url}/v1/dossiers`,
      method: 'POST',
      connections: conns,
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      requests: agencies.map((a, i) => ({ method: 'POST', body: bodyFor(a, i) })),
      cpuPids,
      ...overrides,
    });

  const spread = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `intake, ${connections} connections over ${AGENCIES.length} agencies`, measure: viaGateway(AGENCIES, connections) },
    metrics: [{ key: 'rps', metric: `throughput, ${connections} connections over ${AGENCIES.length} agencies`, unit: 'commits/s', better: 'higher' }],
  });
  const oneAgency = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `intake, ${connections} connections, one agency`, measure: viaGateway([AGENCIES[0]], connections) },
    metrics: [{ key: 'rps', metric: `throughput, ${connections} connections, one agency`, unit: 'commits/s', better: 'higher' }],
  });
  const single = await ctx.compare({
    baseline: { label: 'raw pg, 1 client', measure: rawLoop(1) },
    subject: { label: 'intake, 1 connection', measure: viaGateway(AGENCIES, 1) },
    metrics: [
      { key: 'p50', metric: 'p50 latency, 1 connection', unit: 'ms', better: 'lower' },
      { key: 'p99', metric: 'p99 latency, 1 connection', unit: 'ms', better: 'lower' },
    ],
  });

  // The floor of the layout: what two bare hops and the one commit reach, measured against the same raw loop.
  const viaChain = (chain) => (conns, agencies = AGENCIES, overrides = {}) => () =>
    ctx.load({
      url: `${chain.url}/v1/dossiers`,
      method: 'POST',
      connections: conns,
      headers: { 'content-type': 'application/json' },
      requests: agencies.map((a, i) => ({ method: 'POST', body: bodyFor(a, i) })),
      cpuPids: { proxy: chain.pids.proxy, service: chain.pids.service, loadgen: process.pid, ...infraCpu },
      ...overrides,
    });
  const viaBare = viaChain(bare);
  const viaDesign = viaChain(design);
  const viaHubSql = viaChain(hubSql);
  const floor = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `bare proxy → bare handler → commit, ${connections} connections`, measure: viaBare(connections) },
    metrics: [{ key: 'rps', metric: `floor of the layout (two bare hops + the raw commit), ${connections} connections`, unit: 'commits/s', better: 'higher' }],
  });
  const floorSingle = await ctx.compare({
    baseline: { label: 'raw pg, 1 client', measure: rawLoop(1) },
    subject: { label: 'bare proxy → bare handler → commit, 1 connection', measure: viaBare(1) },
    metrics: [{ key: 'p50', metric: 'floor of the layout, p50 latency, 1 connection', unit: 'ms', better: 'lower' }],
  });

  // The floor of the design: the two hops doing only the durable work the design requires (see design-floor-proc.mjs).
  const designFloor = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `floor of the design, ${connections} connections`, measure: viaDesign(connections) },
    metrics: [{ key: 'rps', metric: `floor of the design (the hops + numbering, dossier, outbox, relay to Kafka, exchange log), ${connections} connections`, unit: 'commits/s', better: 'higher' }],
  });
  const designOneAgency = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `floor of the design, ${connections} connections, one agency`, measure: viaDesign(connections, [AGENCIES[0]]) },
    metrics: [{ key: 'rps', metric: `floor of the design, ${connections} connections, one agency`, unit: 'commits/s', better: 'higher' }],
  });
  const designSingle = await ctx.compare({
    baseline: { label: 'raw pg, 1 client', measure: rawLoop(1) },
    subject: { label: 'floor of the design, 1 connection', measure: viaDesign(1) },
    metrics: [{ key: 'p50', metric: 'floor of the design, p50 latency, 1 connection', unit: 'ms', better: 'lower' }],
  });
  // The floor of the design with the hub's database work: the same bare hops, relay and exchange log, the service
  // running the hub's own intake statement on the hub's schema. What it loses against the floor of the design is the
  // database's share of the gap; what the hub loses against it, the apps'.
  const hubSqlFloor = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `floor of the design with the hub's statement, ${connections} connections`, measure: viaHubSql(connections) },
    metrics: [{ key: 'rps', metric: `floor of the design with the hub's intake statement and schema, ${connections} connections`, unit: 'commits/s', better: 'higher' }],
  });
  const hubSqlOneAgency = await ctx.compare({
    baseline: { label: `raw pg, ${connections} clients`, measure: rawLoop(connections) },
    subject: { label: `floor of the design with the hub's statement, ${connections} connections, one agency`, measure: viaHubSql(connections, [AGENCIES[0]]) },
    metrics: [{ key: 'rps', metric: `floor of the design with the hub's statement, ${connections} connections, one agency`, unit: 'commits/s', better: 'higher' }],
  });
  const hubSqlSingle = await ctx.compare({
    baseline: { label: 'raw pg, 1 client', measure: rawLoop(1) },
    subject: { label: "floor of the design with the hub's statement, 1 connection", measure: viaHubSql(1) },
    metrics: [{ key: 'p50', metric: "floor of the design with the hub's statement, p50 latency, 1 connection", unit: 'ms', better: 'lower' }],
  });
  const designLeft = await design.outboxLeft();
  const hubSqlLeft = await hubSql.outboxLeft();
  const [{ designCount, designGaps }] = await ctx.withPg(design.databases.service, (c) =>
    c.query(
      `SELECT (SELECT count(*)::int FROM floor_dossier) AS "designCount",
              (SELECT count(*)::int FROM floor_sequence s
                WHERE s.last <> (SELECT count(*) FROM floor_dossier d WHERE d.agency = s.agency AND split_part(d.code, '-', 2) = to_char(s.day, 'YYMMDD'))) AS "designGaps"`,
    ).then((r) => r.rows),
  );

  // Dossiers stored, and daily sequences whose last value is not the count of their dossiers (a gap or a duplicate).
  const numbering = (url) =>
    ctx.withPg(url, (c) =>
      c.query(
        `SELECT count(*)::int AS count,
                (SELECT count(*)::int FROM dossier_code_sequence s
                  WHERE s.last_value <> (SELECT count(*) FROM dossier d WHERE d.receiving_agency_code = s.agency_code
                                         AND split_part(d.code, '-', 2) = to_char(s.receipt_date, 'YYMMDD'))) AS gaps
           FROM dossier`,
      ).then((r) => r.rows[0]),
    );
  const { count, gaps } = await numbering(hub.databases.dossier);
  const { count: hubSqlCount, gaps: hubSqlGaps } = await numbering(hubSql.databases.service);
  const [{ pending }] = await ctx.withPg(hub.databases.dossier, (c) => c.query('SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL').then((r) => r.rows));
  const cpu = (samples, proc) => fmt(median(samples.map((s) => s.cpuUsPerReq?.[proc])));
  const subj = spread.samples.subject;
  const everyLoad = [spread, oneAgency, single, floor, floorSingle, designFloor, designOneAgency, designSingle, hubSqlFloor, hubSqlOneAgency, hubSqlSingle].flatMap((c) => c.samples.subject);
  const failures = everyLoad.reduce((n, s) => n + s.non2xx + s.errors + s.timeouts, 0);
  // Not figures but faults: the report (and the smoke test in CI) must not pass them by.
  if (gaps > 0 || designGaps > 0 || hubSqlGaps > 0) {
    ctx.warn(`daily sequences with a gap or a duplicate: the hub ${gaps}, the design floor ${designGaps}, with the hub's statement ${hubSqlGaps}`);
  }
  if (failures > 0) ctx.warn(`${failures} intakes answered other than 201 (or failed, or timed out)`);
  const notes = [
    `Intake stored ${count} dossiers; daily sequences with a gap or a duplicate: ${gaps}; outbox rows still unpublished at the end: ${pending}.`,
    `Where the time goes — CPU per intake at ${connections} connections over ${AGENCIES.length} agencies (median µs): gateway ${cpu(subj, 'gateway')}, dossier ${cpu(subj, 'dossier')}, PostgreSQL ${cpu(subj, 'postgres')} (all backends), Kafka broker ${cpu(subj, 'kafka')}, Redis ${cpu(subj, 'redis')}, load generator ${cpu(subj, 'loadgen')}; the whole machine (every process and the kernel) ${cpu(subj, 'machine')}; the raw loop's PostgreSQL CPU per commit: ${fmt(median(spread.samples.baseline.map((s) => s.pgCpuUsPerCommit)))}, the whole machine's ${fmt(median(spread.samples.baseline.map((s) => s.machineCpuUsPerCommit)))}.`,
    `At 1 connection (median µs per intake): gateway ${cpu(single.samples.subject, 'gateway')}, dossier ${cpu(single.samples.subject, 'dossier')}, PostgreSQL ${cpu(single.samples.subject, 'postgres')}, Kafka broker ${cpu(single.samples.subject, 'kafka')}, Redis ${cpu(single.samples.subject, 'redis')}.`,
    `The floor of the layout — the raw commit behind a bare Node proxy and a bare Node handler (no auth, validation, numbering, outbox or events) — reaches ${fmt(floor.rows[0].ratio)}× the raw loop at ${connections} connections and ${fmt(floorSingle.rows[0].ratio)}× its p50 at 1 connection; CPU per request (median µs): proxy ${cpu(floor.samples.subject, 'proxy')}, handler ${cpu(floor.samples.subject, 'service')}, PostgreSQL ${cpu(floor.samples.subject, 'postgres')}, load generator ${cpu(floor.samples.subject, 'loadgen')}, the whole machine ${cpu(floor.samples.subject, 'machine')}. The hub's intake at ${connections} connections over ${AGENCIES.length} agencies reaches ${fmt(median(subj.map((s, i) => s.rps / floor.samples.subject[i].rps)))}× this floor.`,
    `The floor of the design — the same two hops doing only the durable work the design requires: a group commit of numbering, dossier rows and one outbox event each (one statement), a relay sending the events to Kafka (idempotent, acks=-1, envelope headers) and removing them, the proxy appending each exchange to a hash-chained log (group commit, durable) before the answer; no auth, rate limit, identity signature, validation, history, feed, NOTIFY or logging — reaches ${fmt(designFloor.rows[0].ratio)}× the raw loop at ${connections} connections (${fmt(designOneAgency.rows[0].ratio)}× when all go to one agency) and ${fmt(designSingle.rows[0].ratio)}× its p50 at 1 connection; CPU per intake (median µs): proxy ${cpu(designFloor.samples.subject, 'proxy')}, service ${cpu(designFloor.samples.subject, 'service')}, PostgreSQL ${cpu(designFloor.samples.subject, 'postgres')}, Kafka broker ${cpu(designFloor.samples.subject, 'kafka')}, load generator ${cpu(designFloor.samples.subject, 'loadgen')}, the whole machine ${cpu(designFloor.samples.subject, 'machine')}. It stored ${designCount} dossiers (daily sequences with a gap: ${designGaps}; events left unsent: ${designLeft}). The hub's intake reaches ${fmt(median(subj.map((s, i) => s.rps / designFloor.samples.subject[i].rps)))}× this floor at ${connections} connections over ${AGENCIES.length} agencies, ${fmt(median(oneAgency.samples.subject.map((s, i) => s.rps / designOneAgency.samples.subject[i].rps)))}× with one agency.`,
    `The floor of the design with the hub's intake statement — the same hops, relay and exchange log, the service running the hub's own statement (captured from this hub's first intake) on a copy of the hub's dossier schema: numbering, the dossier row, its history row, its outbox event with the hub's envelope, its agency feed item and lookup hash, with the hub's indexes, checks, foreign key and NOTIFY triggers — reaches ${fmt(hubSqlFloor.rows[0].ratio)}× the raw loop at ${connections} connections (${fmt(hubSqlOneAgency.rows[0].ratio)}× when all go to one agency) and ${fmt(hubSqlSingle.rows[0].ratio)}× its p50 at 1 connection; CPU per intake (median µs): proxy ${cpu(hubSqlFloor.samples.subject, 'proxy')}, service ${cpu(hubSqlFloor.samples.subject, 'service')}, PostgreSQL ${cpu(hubSqlFloor.samples.subject, 'postgres')}, Kafka broker ${cpu(hubSqlFloor.samples.subject, 'kafka')}, load generator ${cpu(hubSqlFloor.samples.subject, 'loadgen')}, the whole machine ${cpu(hubSqlFloor.samples.subject, 'machine')}. It stored ${hubSqlCount} dossiers (daily sequences with a gap: ${hubSqlGaps}; events left unsent: ${hubSqlLeft}). Against the floor of the design it reaches ${fmt(median(hubSqlFloor.samples.subject.map((s, i) => s.rps / designFloor.samples.subject[i].rps)))}× at ${connections} connections (the database's share of the gap); the hub's intake reaches ${fmt(median(subj.map((s, i) => s.rps / hubSqlFloor.samples.subject[i].rps)))}× of it (the apps' share), ${fmt(median(oneAgency.samples.subject.map((s, i) => s.rps / hubSqlOneAgency.samples.subject[i].rps)))}× with one agency.`,
    failures === 0 ? 'Every intake answered 201.' : `**${failures} non-2xx responses, errors or timeouts**: see the log.`,
  ];
  const perfDir = perfDirectory();
  if (perfDir) {
    notes.push(
      await postgresProfile(ctx, perfDir, [
        { label: 'the hub', measure: (o) => viaGateway(AGENCIES, connections, o)() },
        { label: 'the design floor', measure: (o) => viaDesign(connections, AGENCIES, o)() },
      ]),
    );
  }
  await hub.stop();
  return {
    baseline: 'raw pg BEGIN; INSERT one jsonb row; COMMIT, same concurrency, same server',
    subject: 'POST /v1/dossiers through the gateway',
    rows: [
      ...[spread, oneAgency, single, floor, floorSingle, designFloor, designOneAgency, designSingle].flatMap((c) => c.rows),
      ...[hubSqlFloor, hubSqlOneAgency, hubSqlSingle].flatMap((c) => c.rows),
    ],
    notes,
  };
}

/**
 * BENCH_PERF=<dir>: one more load of each side at 16 connections, every CPU recorded by `perf` over it, and a note of
 * PostgreSQL's CPU per intake by phase (lib/perf.mjs): where the hub's database work differs from the design floor's.
 */
async function postgresProfile(ctx, dir, sides) {
  const why = perfUnavailable();
  if (why) return `PostgreSQL by phase (BENCH_PERF): not measured, ${why}.`;
  const [warmupSec, durationSec] = [3, 15];
  const measured = [];
  for (const side of sides) {
    const file = `intake-${side.label.replace(/\W+/g, '-').replace(/^-|-$/g, '')}`;
    ctx.log(`perf: recording every CPU during ${durationSec} s of ${side.label} at 16 connections (${dir}/${file}.perf.data)`);
    const [result, perfFile] = await Promise.all([
      side.measure({ warmupSec, durationSec }),
      recordSystemWide(dir, file, { delaySec: warmupSec + 1, seconds: durationSec - 3 }),
    ]);
    measured.push({ label: side.label, shares: await postgresShares(perfFile), cpuUsPerRequest: result.cpuUsPerReq.postgres, busiest: await whoAre(ctx, await busiestPostgresProcesses(perfFile)) });
  }
  return (
    `PostgreSQL by phase (BENCH_PERF, \`perf record -a -g\` over one more load of each side at 16 connections; its CPU per intake, ` +
    `then the share of its samples under each phase; nested phases are part of the one above): ${phaseLines(measured).join('; ')}. ` +
    `The busiest PostgreSQL processes (share of the server's samples; what each was last running): ${measured.map((m) => `${m.label}: ${m.busiest}`).join('; ')}. ` +
    `The recordings are in ${dir}.`
  );
}

/** What each PostgreSQL process is (from pg_stat_activity, right after the recording): `41 % pid 123 (client backend, hub_bench_dossier_…: "WITH req …")`. */
async function whoAre(ctx, processes) {
  const rows = await ctx.withPg(ctx.pgUrl, (c) =>
    c.query(`SELECT pid, backend_type, datname, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query FROM pg_stat_activity WHERE pid = ANY($1)`, [processes.map((p) => p.pid)]).then((r) => r.rows),
  );
  return processes
    .map(({ pid, share }) => {
      const row = rows.find((r) => r.pid === pid);
      return `${share.toFixed(0)} % pid ${pid} (${row ? `${row.backend_type}, ${row.datname ?? '-'}: "${row.query.trim()}"` : 'gone'})`;
    })
    .join(', ');
}
