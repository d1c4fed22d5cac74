// intake-ab: one change at a time, on a noisy machine. Two hubs (gateway + dossier) run side by side, this
// checkout's build and a base (another revision's build, or this build with other node flags), and take the same
// intake load in alternation (`compare`: base, change, change, base, …), so drift of the machine falls on both.
// BENCH_AB_BASE=<revision> (default HEAD~1) picks the base revision; BENCH_AB_NODE_ARGS='{"gateway":["--require","x.cjs"]}'
// gives the base's apps node flags instead (then the base is this build: an ablation by preload). BENCH_AB_CONNECTIONS=1
// loads each hub with one intake at a time instead of 16 connections.
import { AGENCIES, intakeBody, seedProcedure } from '../lib/intake-requests.mjs';
import { baseOf } from '../lib/base-build.mjs';
import { fmt, median } from '../lib/stats.mjs';

export const name = 'intake-ab';
export const description =
  'POST /v1/dossiers through the gateway, 16 connections (BENCH_AB_CONNECTIONS) over 16 agencies, on two hubs loaded in alternation: this ' +
  'checkout (the change) against a base (BENCH_AB_BASE, default HEAD~1; or this build with BENCH_AB_NODE_ARGS), with ' +
  'the CPU per intake of each process of both.';

const APPS = ['gateway', 'dossier'];
const CLIENT = { clientId: 'bench-intake-ab', kind: 'portal', roles: ['dossier:submit', 'dossier:read'], agencyCodes: [] };
const bodyFor = (agency, i) => JSON.stringify(intakeBody(agency, i));

/** BENCH_AB_CONNECTIONS (default 16): 1 compares one intake at a time, for a change to the latency of a lone request. */
function connectionsOf() {
  const value = process.env.BENCH_AB_CONNECTIONS ?? '16';
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new Error(`BENCH_AB_CONNECTIONS must be a whole number from 1 to 9999, not ${JSON.stringify(value)}`);
  return Number(value);
}

export async function run(ctx) {
  const connections = connectionsOf();
  const connectionsText = connections === 1 ? '1 connection' : `${connections} connections`;
  const base = baseOf(ctx, APPS);
  const start = async (tag, extra) => {
    const gatewayEnv = { RATE_LIMIT_WRITE: '1000000000', RATE_LIMIT_KEY_PREFIX: `hub:bench:${tag}:${process.pid}:${Date.now()}:` };
    const hub = await ctx.startHub({ apps: APPS, env: { gateway: gatewayEnv }, ...extra });
    await seedProcedure(ctx, hub.databases.dossier);
    const apiKey = await hub.registerClient(CLIENT);
    const first = await hub.request('POST', '/v1/dossiers', { apiKey, body: JSON.parse(bodyFor(AGENCIES[0], 0)) });
    if (first.status !== 201) throw new Error(`sanity check (${tag}): POST /v1/dossiers answered ${first.status} ${JSON.stringify(first.body)}`);
    const cpuPids = { gateway: hub.pidOf('gateway'), dossier: hub.pidOf('dossier'), ...(await ctx.infraCpu()) };
    const measure = () =>
      ctx.load({
        url: `${hub.url}/v1/dossiers`,
        method: 'POST',
        connections,
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        requests: AGENCIES.map((a, i) => ({ method: 'POST', body: bodyFor(a, i) })),
        cpuPids,
      });
    return { hub, measure };
  };
  const change = await start('change', {});
  const before = await start('base', { nodeArgs: base.nodeArgs, entries: base.entries });

  const cmp = await ctx.compare({
    baseline: { label: `base: ${base.label}`, measure: before.measure },
    subject: { label: 'this checkout', measure: change.measure },
    metrics: [
      { key: 'rps', metric: `intakes/s, ${connectionsText} over ${AGENCIES.length} agencies`, unit: 'intakes/s', better: 'higher' },
      { key: 'p50', metric: `p50 latency, ${connectionsText}`, unit: 'ms', better: 'lower' },
    ],
  });
  const cpu = (side, proc) => median(cmp.samples[side].map((s) => s.cpuUsPerReq?.[proc]));
  const procs = ['gateway', 'dossier', 'postgres', 'kafka', 'redis', 'machine'];
  const cpuLine = (side) => procs.map((p) => `${p} ${fmt(cpu(side, p))}`).join(', ');
  const failures = [...cmp.samples.baseline, ...cmp.samples.subject].reduce((n, s) => n + s.non2xx + s.errors + s.timeouts, 0);
  if (failures > 0) ctx.warn(`${failures} intakes answered other than 201 (or failed, or timed out)`);
  const notes = [
    `Base: ${base.label}. CPU per intake (median µs) — base: ${cpuLine('baseline')}; this checkout: ${cpuLine('subject')}. ` +
      `Ratio of CPU per intake, this checkout ÷ base: gateway ${fmt(cpu('subject', 'gateway') / cpu('baseline', 'gateway'))}, dossier ${fmt(cpu('subject', 'dossier') / cpu('baseline', 'dossier'))}, machine ${fmt(cpu('subject', 'machine') / cpu('baseline', 'machine'))}.`,
    failures === 0 ? 'Every intake answered 201.' : `**${failures} non-2xx responses, errors or timeouts**: see the log.`,
  ];
  await change.hub.stop();
  await before.hub.stop();
  return { baseline: `base: ${base.label}`, subject: 'this checkout', rows: cmp.rows, notes };
}
