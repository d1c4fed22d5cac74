// intake-latency: where one online intake's time goes when nothing else runs. Sequential intakes (1 connection),
// through the gateway and straight to the dossier service, against a raw `pg` commit on the same server, with the
// wall time of each stage measured inside the apps (tools/bench/lib/trace-preload.cjs): the gateway's request and
// its exchange-log append, the dossier's request and its intake statement.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AGENCIES, intakeBody, seedProcedure } from '../lib/intake-requests.mjs';
import { fmt, median } from '../lib/stats.mjs';
import { sleep } from '../lib/util.mjs';

const require = createRequire(import.meta.url);
const PRELOAD = new URL('../lib/trace-preload.cjs', import.meta.url).pathname;

export const name = 'intake-latency';
export const description =
  'One online intake at a time (POST /v1/dossiers through the gateway, and straight to the dossier service) vs a raw pg ' +
  'BEGIN; INSERT one jsonb row; COMMIT, with the time of each stage measured inside the gateway and the dossier.';

const CLIENT = { clientId: 'bench-intake-latency', kind: 'portal', roles: ['dossier:submit'], agencyCodes: [] };
/** Statements named by the apps (queryPrepared): the intake's and the exchange log's. */
const INTAKE_STATEMENT = 'hub_dossier_intake_group';
const EXCHANGE_LOG_STATEMENT = 'hub_exchange_log_append_if_head';

const bodyOf = (i) => intakeBody(AGENCIES[i % AGENCIES.length], i);
const p50 = (values) => median(values ?? []);

/** Asks every traced app for what it measured since the last call (SIGUSR2), and waits for its file. */
async function traceWindow(traceDir, pids) {
  const fileOf = (pid) => join(traceDir, `${pid}.json`);
  const before = new Map(pids.map((pid) => [pid, mtimeOf(fileOf(pid))]));
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const out = {};
  for (const pid of pids) {
    const t0 = Date.now();
    while (mtimeOf(fileOf(pid)) === before.get(pid)) {
      if (Date.now() - t0 > 10_000) throw new Error(`no trace from pid ${pid} within 10 s`);
      await sleep(20);
    }
    out[pid] = JSON.parse(readFileSync(fileOf(pid), 'utf8'));
  }
  return out;
}

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

export async function run(ctx) {
  const { Pool } = require('pg');
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
  /** One call after another for the warm-up, then for the measured window: the calls' wall times. */
  const sequential = async (call) => {
    const { durationSec, warmupSec } = ctx.options;
    let i = 0;
    for (const end = performance.now() + warmupSec * 1000; performance.now() < end; ) await call(i++);
    const times = [];
    for (const end = performance.now() + durationSec * 1000; performance.now() < end; ) {
      const t = performance.now();
      await call(i++);
      times.push(performance.now() - t);
    }
    return times;
  };

  const rawDb = await ctx.createDatabase('intake_latency_raw');
  const pool = new Pool({ connectionString: rawDb.url, max: 1 });
  ctx.defer('close the raw pool', () => pool.end());
  await pool.query('CREATE TABLE raw_dossier (id bigserial PRIMARY KEY, doc jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
  const rawRow = JSON.stringify({ ...bodyOf(0), code: `${AGENCIES[0]}-261202-0001`, status: 1 });
  const rawCommit = async () => {
    const c = await pool.connect();
    try {
      const times = await sequential(async () => {
        await c.query('BEGIN');
        await c.query('INSERT INTO raw_dossier (doc) VALUES ($1)', [rawRow]);
        await c.query('COMMIT');
      });
      const p = p50(times);
      return { gateway: p, straight: p, gatewayInside: p, exchangeLog: p, redis: p, dossierInside: p, statement: p };
    } finally {
      c.release();
    }
  };

  const intakes = async () => {
    await traceWindow(traceDir, [gatewayPid, dossierPid]); // starts the window
    const gatewayTimes = await sequential(viaGateway);
    const viaGatewayTrace = await traceWindow(traceDir, [gatewayPid, dossierPid]);
    const straightTimes = await sequential(straight);
    const gw = viaGatewayTrace[gatewayPid];
    const ds = viaGatewayTrace[dossierPid];
    return {
      gateway: p50(gatewayTimes),
      straight: p50(straightTimes),
      gatewayInside: p50(gw.requests),
      exchangeLog: p50(gw.queries[EXCHANGE_LOG_STATEMENT]),
      redis: p50(Object.entries(gw.queries).filter(([k]) => k.startsWith('redis ')).flatMap(([, v]) => v)),
      redisPerRequest: Object.entries(gw.queries).filter(([k]) => k.startsWith('redis ')).reduce((n, [, v]) => n + v.length, 0) / Math.max(1, gw.requests.length),
      dossierInside: p50(ds.requests),
      statement: p50(ds.queries[INTAKE_STATEMENT]),
      relayStatements: Object.entries(ds.queries).filter(([k]) => k.startsWith('hub_outbox_') || k === 'START TRANSACTION' || k === 'COMMIT').reduce((n, [, v]) => n + v.length, 0) / Math.max(1, ds.requests.length),
    };
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
    ],
  });
  const s = result.samples.subject;
  const notes = [
    `Every row is a median over ${s.length} run(s) against the raw commit's p50 of the same run: the apps' own stages are timed by a preload (tools/bench/lib/trace-preload.cjs) that wraps the HTTP server and pg's Client.query, which adds a little to every stage.`,
    `The gateway sent ${fmt(median(s.map((x) => x.redisPerRequest)))} Redis command(s) per intake.`,
    `Outside the intake's own request, the dossier's outbox relay ran ${fmt(median(s.map((x) => x.relayStatements)))} statements per intake (claim, mark, BEGIN, COMMIT) on its own connection, competing for the same two cores.`,
  ];
  await hub.stop();
  return { baseline: 'raw pg BEGIN; INSERT one jsonb row; COMMIT, p50, 1 client, same server', subject: 'one intake at a time, and its stages', rows: result.rows, notes };
}
