// sync-ab: one change to the sync path at a time, on a noisy machine. Two hubs (gateway + dossier) run side by side,
// this checkout's build and a base (another revision's build, or this build with other node flags, as `intake-ab`
// takes them: BENCH_AB_BASE, BENCH_AB_NODE_ARGS), and take the same 1,000-record `POST /v1/dossiers:sync` batches
// one after another in alternation (`compare`: base, change, change, base, …), so drift of the machine falls on both.
// Each measurement sends new dossiers for half its time and next versions of them for the other half.
import { performance } from 'node:perf_hooks';
import { baseOf } from '../lib/base-build.mjs';
import { fmt, median } from '../lib/stats.mjs';
import { BATCH } from '../lib/sync-records.mjs';
import { Batches, prepareSyncHub, syncCounters, syncGatewayEnv } from '../lib/sync-hub.mjs';

export const name = 'sync-ab';
export const description =
  'POST /v1/dossiers:sync, 1,000-record batches one after another (new dossiers, then their next versions), on two ' +
  'hubs loaded in alternation: this checkout (the change) against a base (BENCH_AB_BASE, default HEAD~1; or this ' +
  'build with BENCH_AB_NODE_ARGS), with the CPU per batch of the gateway, the dossier and its PostgreSQL backends.';

const APPS = ['gateway', 'dossier'];
const KINDS = ['new', 'next'];

export async function run(ctx) {
  const base = baseOf(ctx, APPS);
  const start = async (tag, offset, extra) => {
    const hub = await ctx.startHub({ apps: APPS, env: { gateway: syncGatewayEnv(tag) }, ...extra });
    const { sync } = await prepareSyncHub(ctx, hub);
    const batches = new Batches(offset);
    await sync(batches.create()); // warm-up: JIT, pools, prepared metadata
    await sync(batches.update());
    const counters = syncCounters(ctx, hub);
    /** Batches of one kind for `seconds` (at least 3): their p50 and the CPU per batch. */
    const window = async (kind, seconds) => {
      const latencies = [];
      const before = await counters.read();
      const t0 = performance.now();
      while (latencies.length < 3 || performance.now() - t0 < seconds * 1000) {
        const records = kind === 'new' ? batches.create() : batches.update();
        const t = performance.now();
        await sync(records);
        latencies.push(performance.now() - t);
      }
      return { p50: median(latencies), ...counters.perBatch(before, await counters.read(), latencies.length) };
    };
    const measure = async () => {
      const half = ctx.options.durationSec / 2;
      const sample = {};
      for (const kind of KINDS) for (const [key, value] of Object.entries(await window(kind, half))) sample[`${kind}.${key}`] = value;
      return sample;
    };
    return { hub, measure };
  };
  // Codes apart, so the two hubs' dossiers never share a number (each has its own database anyway).
  const change = await start('change', 1, {});
  const before = await start('base', 50_000_000, { nodeArgs: base.nodeArgs, entries: base.entries });

  const cmp = await ctx.compare({
    baseline: { label: `base: ${base.label}`, measure: before.measure },
    subject: { label: 'this checkout', measure: change.measure },
    metrics: [
      { key: 'new.p50', metric: `p50 time of one ${fmt(BATCH)}-record batch (new)`, unit: 'ms', better: 'lower' },
      { key: 'new.cpuDossierMs', metric: 'dossier CPU per batch (new)', unit: 'ms', better: 'lower' },
      { key: 'next.p50', metric: `p50 time of one ${fmt(BATCH)}-record batch (next version)`, unit: 'ms', better: 'lower' },
      { key: 'next.cpuDossierMs', metric: 'dossier CPU per batch (next version)', unit: 'ms', better: 'lower' },
    ],
  });
  const m = (side, key) => median(cmp.samples[side].map((s) => s[key]));
  const line = (side, kind) =>
    `gateway ${fmt(m(side, `${kind}.cpuGatewayMs`))} ms, dossier ${fmt(m(side, `${kind}.cpuDossierMs`))} ms (kernel ${fmt(m(side, `${kind}.sysDossierMs`))} ms, ` +
    `${fmt(m(side, `${kind}.faultsDossier`))} minor faults), its PostgreSQL backends ${fmt(m(side, `${kind}.cpuPostgresMs`))} ms`;
  const ratio = (kind, key) => fmt(m('subject', `${kind}.${key}`) / m('baseline', `${kind}.${key}`));
  const notes = [`Base: ${base.label}. Each measurement: ${fmt(ctx.options.durationSec / 2)} s of new batches, then ${fmt(ctx.options.durationSec / 2)} s of next versions.`];
  for (const kind of KINDS) {
    const what = kind === 'new' ? 'new dossiers' : 'next versions';
    notes.push(
      `Per batch of ${what} (median) — base: ${line('baseline', kind)}; this checkout: ${line('subject', kind)}. ` +
        `Ratio, this checkout ÷ base: gateway ${ratio(kind, 'cpuGatewayMs')}, dossier ${ratio(kind, 'cpuDossierMs')}, PostgreSQL ${ratio(kind, 'cpuPostgresMs')}.`,
    );
  }
  await change.hub.stop();
  await before.hub.stop();
  return { baseline: `base: ${base.label}`, subject: 'this checkout', rows: cmp.rows, notes };
}
