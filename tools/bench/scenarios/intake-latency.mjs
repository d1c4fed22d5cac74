// intake-latency: where one online intake's time goes when nothing else runs. Sequential intakes (1 connection),
// through the gateway and straight to the dossier service, against a raw `pg` commit on the same server, with the
// wall time of each stage measured inside the apps (tools/bench/lib/trace-preload.cjs): the gateway's request and
// its exchange-log append, the dossier's request and its intake statement. Then the same hub under 16 connections
// over 16 agencies: how long each of the two group commits (the dossier's intake group, the gateway's exchange log)
// is in flight, how many requests a group carries, and its p50, where the time of a saturated hub waits.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AGENCIES, intakeBody, rawCommitLoop, seedProcedure } from '../lib/intake-requests.mjs';
import { fmt, median } from '../lib/stats.mjs';
import { sleep } from '../lib/util.mjs';

const PRELOAD = new URL('../lib/trace-preload.cjs', import.meta.url).pathname;

export const name = 'intake-latency';
export const description =
  'One online intake at a time (POST /v1/dossiers through the gateway, and straight to the dossier service) vs a raw pg ' +
  'BEGIN; INSERT one jsonb row; COMMIT, with the time of each stage measured inside the gateway and the dossier.';

/** The load of `intake` and `intake-ab`: 16 connections, one agency each in turn. */
const BUSY_CONNECTIONS = 16;
const CLIENT = { clientId: 'bench-intake-latency', kind: 'portal', roles: ['dossier:submit'], agencyCodes: [] };
/** Statements named by the apps (queryPrepared): the intake's and the exchange log's. */
const INTAKE_STATEMENT = 'hub_dossier_intake_group';
const EXCHANGE_LOG_STATEMENT = 'hub_exchange_log_append_if_head';

const bodyOf = (i) => intakeBody(AGENCIES[i % AGENCIES.length], i);
const p50 = (values) => median(values ?? []);
const pct = (share) => `${Math.round(share * 100)} %`;

/** Asks every traced app for what it measured since the last call (SIGUSR2), and waits for its file of that window. */
async function traceWindow(traceDir, pids) {
  const out = {};
  for (const pid of pids) {
    const file = join(traceDir, `${pid}.json`);
    const last = readTrace(file)?.window ?? 0;
    process.kill(pid, 'SIGUSR2');
    const t0 = Date.now();
    let trace = readTrace(file);
    while (trace?.window !== last + 1) {
      if (Date.now() - t0 > 10_000) throw new Error(`no trace from pid ${pid} within 10 s`);
      await sleep(20);
      trace = readTrace(file);
    }
    out[pid] = trace;
  }
  return out;
}

function readTrace(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not written yet (the preload renames a complete file into place)
  }
}

/** Every time a trace recorded under the statements or commands `matches` picks. */
const timesOf = (trace, matches) => Object.entries(trace.queries).filter(([key]) => matches(key)).flatMap(([, times]) => times);
const isRedis = (key) => key.startsWith('redis ');
const isRelay = (key) => key.startsWith('hub_outbox_') || key === 'START TRANSACTION' || key === 'COMMIT';

export async function run(ctx) {
  const traceDir = mkdtempSync(join(tmpdir(), 'hub-bench-trace-'));
  ctx.defer('remove the trace files', () => rmSync(traceDir, { recursive: true, force: true }));
  const preload = ['--require', PRELOAD];
  const hub = await ctx.startHub({
    apps: ['gateway', 'dossier'],
    env: {
      gateway: { RATE_LIMIT_WRITE: '1000000000', RATE_LIMIT_KEY_PREFIX: `hub:bench:${process.pid}:${Date.now()}:`, BENCH_TRACE_DIR: traceDir },
      dossier: { BENCH_TRACE_DIR: traceDir },
    },
    nodeArgs: { gateway: preload, dossier: preload },
  });
  await seedProcedure(ctx, hub.databases.dossier);
  const apiKey = await hub.registerClient(CLIENT);
  const gatewayPid = hub.pidOf('gateway');
  const dossierPid = hub.pidOf('dossier');

  const viaGateway = async (i) => {
    const res = await fetch(`${hub.url}/v1/dossiers`, { method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': 'application/json' }, body: JSON.stringify(bodyOf(i)) });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`intake through the gateway answered ${res.status}`);
  };
  const straight = async (i) => {
    // A signed identity is valid once, for this method and path: a fresh one per call, as the gateway signs it.
    const identity = hub.identityHeader({ clientId: CLIENT.clientId, kind: 'portal', roles: CLIENT.roles }, { app: 'dossier', method: 'POST', path: '/v1/dossiers' });
    const res = await fetch(`${hub.urls.dossier}/v1/dossiers`, { method: 'POST', headers: { 'x-hub-identity': identity, 'content-type': 'application/json' }, body: JSON.stringify(bodyOf(i)) });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`intake straight to the dossier answered ${res.status}`);
  };
  /** One call after another for the warm-up, then (after `atMeasureStart`) for the measured window: the calls' wall times. */
  const sequential = async (call, atMeasureStart = async () => undefined) => {
    const { durationSec, warmupSec } = ctx.options;
    let i = 0;
    for (const end = performance.now() + warmupSec * 1000; performance.now() < end; ) await call(i++);
    await atMeasureStart();
    const times = [];
    for (const end = performance.now() + durationSec * 1000; performance.now() < end; ) {
      const t = performance.now();
      await call(i++);
      times.push(performance.now() - t);
    }
    return times;
  };

  const rawRow = JSON.stringify({ ...bodyOf(0), code: `${AGENCIES[0]}-261202-0001`, status: 1 });
  const rawLoop = (await rawCommitLoop(ctx, { database: 'intake_latency_raw', maxClients: 1, row: rawRow }))(1);
  const rawCommit = async () => {
    const { p50: p } = await rawLoop();
    return { gateway: p, straight: p, gatewayInside: p, exchangeLog: p, redis: p, dossierInside: p, statement: p, busyStatement: p, busyExchangeLog: p };
  };

  const intakes = async () => {
    const traced = [gatewayPid, dossierPid];
    const gatewayTimes = await sequential(viaGateway, () => traceWindow(traceDir, traced)); // the window opens after the warm-up
    const viaGatewayTrace = await traceWindow(traceDir, traced);
    const straightTimes = await sequential(straight);
    const busy = await busyPipes();
    const gw = viaGatewayTrace[gatewayPid];
    const ds = viaGatewayTrace[dossierPid];
    return {
      ...busy,
      gateway: p50(gatewayTimes),
      straight: p50(straightTimes),
      gatewayInside: p50(gw.requests),
      exchangeLog: p50(gw.queries[EXCHANGE_LOG_STATEMENT]),
      redis: p50(timesOf(gw, isRedis)),
      redisPerRequest: timesOf(gw, isRedis).length / Math.max(1, gw.requests.length),
      dossierInside: p50(ds.requests),
      statement: p50(ds.queries[INTAKE_STATEMENT]),
      busyStatement: busy.busyIntake.p50,
      busyExchangeLog: busy.busyExchange.p50,
      relayStatements: timesOf(ds, isRelay).length / Math.max(1, ds.requests.length),
    };
  };

  /**
   * 16 connections (a warm-up, then a measured window bracketed by trace windows): per group commit, the share of the
   * window a group was in flight (the sum of its statements' wall times over the window), requests per group, p50.
   */
  const busyLoad = (durationSec) =>
    ctx.load({
      url: `${hub.url}/v1/dossiers`,
      method: 'POST',
      connections: BUSY_CONNECTIONS,
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      requests: AGENCIES.map((a, i) => ({ method: 'POST', body: JSON.stringify(bodyOf(i)) })),
      warmupSec: 0,
      durationSec,
    });
  const busyPipes = async () => {
    const traced = [gatewayPid, dossierPid];
    await busyLoad(ctx.options.warmupSec);
    await traceWindow(traceDir, traced);
    const load = await busyLoad(ctx.options.durationSec);
    const trace = await traceWindow(traceDir, traced);
    const pipe = (app, statement) => {
      const times = trace[app].queries[statement] ?? [];
      const requests = trace[app].requests.length;
      return { busy: times.reduce((a, b) => a + b, 0) / (load.durationSec * 1000), perGroup: requests / Math.max(1, times.length), p50: p50(times) };
    };
    return { busyRps: load.rps, busyP50: load.p50, busyIntake: pipe(dossierPid, INTAKE_STATEMENT), busyExchange: pipe(gatewayPid, EXCHANGE_LOG_STATEMENT) };
  };

  const result = await ctx.compare({
    baseline: { label: 'raw pg commit, 1 client', measure: rawCommit },
    subject: { label: 'one intake at a time', measure: intakes },
    metrics: [
      { key: 'gateway', metric: 'p50, intake through the gateway (client side)', unit: 'ms', better: 'lower' },
      { key: 'straight', metric: 'p50, intake straight to the dossier service (client side)', unit: 'ms', better: 'lower' },
      { key: 'gatewayInside', metric: 'p50, the gateway request, inside the gateway', unit: 'ms', better: 'lower' },
      { key: 'exchangeLog', metric: 'p50, the exchange-log append (one statement, durable commit)', unit: 'ms', better: 'lower' },
      { key: 'redis', metric: "p50, a Redis command of the gateway's (the rate limit)", unit: 'ms', better: 'lower' },
      { key: 'dossierInside', metric: 'p50, the intake request, inside the dossier service', unit: 'ms', better: 'lower' },
      { key: 'statement', metric: 'p50, the intake statement (numbering, row, history, outbox, feed, durable commit)', unit: 'ms', better: 'lower' },
      { key: 'busyStatement', metric: `p50, the intake statement at ${BUSY_CONNECTIONS} connections (one group of intakes)`, unit: 'ms', better: 'lower' },
      { key: 'busyExchangeLog', metric: `p50, the exchange-log append at ${BUSY_CONNECTIONS} connections (one group of entries)`, unit: 'ms', better: 'lower' },
    ],
  });
  const s = result.samples.subject;
  const notes = [
    `Every row is a median over ${s.length} run(s) against the raw commit's p50 of the same run: the apps' own stages are timed by a preload (tools/bench/lib/trace-preload.cjs) that wraps the HTTP server, pg's Client.query and ioredis, which adds a little to every stage.`,
    `The gateway sent ${fmt(median(s.map((x) => x.redisPerRequest)))} Redis command(s) per intake.`,
    `At ${BUSY_CONNECTIONS} connections over ${AGENCIES.length} agencies (${fmt(median(s.map((x) => x.busyRps)))} intakes/s, p50 ${fmt(median(s.map((x) => x.busyP50)))} ms): ` +
      `an intake group was in flight ${pct(median(s.map((x) => x.busyIntake.busy)))} of the time, ${fmt(median(s.map((x) => x.busyIntake.perGroup)))} intakes a group; ` +
      `an exchange-log group ${pct(median(s.map((x) => x.busyExchange.busy)))} of the time, ${fmt(median(s.map((x) => x.busyExchange.perGroup)))} entries a group. ` +
      'One group of each is in flight at a time (GroupCommit); a request waits for the group in flight, then for its own.',
    `Outside the intake's own request, the dossier's outbox relay ran ${fmt(median(s.map((x) => x.relayStatements)))} statements per intake (BEGIN, claim, delete, COMMIT) on its own connection, competing for the same two cores.`,
  ];
  await hub.stop();
  return { baseline: 'raw pg BEGIN; INSERT one jsonb row; COMMIT, p50, 1 client, same server', subject: 'one intake at a time, and its stages', rows: result.rows, notes };
}
