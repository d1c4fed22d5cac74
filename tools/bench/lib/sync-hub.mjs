// What the dossier-sync and sync-ab scenarios share: the batches they send, a hub made ready for them (the procedure
// and calendars seeded, an agency-system client), and the CPU counters read around a measured window.
import { AGENCIES, BATCH, PROCEDURE, record } from './sync-records.mjs';
import { cpuSeconds, processCounters } from './util.mjs';

/** Batches of new dossiers (`create`), or the next version of batches already created (`update`), per side. */
export class Batches {
  constructor(offset) {
    this.next = offset;
    this.created = []; // { first, version }
    this.cursor = 0;
  }
  create() {
    const first = this.next;
    this.next += BATCH;
    const batch = { first, version: 1 };
    this.created.push(batch);
    return Array.from({ length: BATCH }, (_, i) => record(first + i, 1));
  }
  update() {
    if (this.created.length === 0) return this.create();
    const batch = this.created[this.cursor++ % this.created.length];
    batch.version++;
    return Array.from({ length: BATCH }, (_, i) => record(batch.first + i, batch.version));
  }
}

/**
 * The gateway's settings for back-to-back batches: the 10 s upstream timeout raised, so that a batch slowed down by a
 * busy shared machine is measured, not answered 504; the bulk limit (30 batches a minute per client by default)
 * lifted, and counted in a key space of this run's own (`tag` tells two hubs of one run apart).
 */
export const syncGatewayEnv = (tag = 'sync') => ({
  UPSTREAM_TIMEOUT_MS: '120000',
  RATE_LIMIT_BULK: '1000000000',
  RATE_LIMIT_KEY_PREFIX: `hub:bench:${tag}:${process.pid}:${Date.now()}:`,
});

/**
 * Seeds a dossier database with one procedure (`procedure`, implemented by `agencies`, in force since 2020, counter
 * channel, 5 working days) and the national calendars, as catalogue events would: what a sync record needs to be
 * accepted.
 */
export async function seedSyncReferenceData(ctx, databaseUrl, procedure = PROCEDURE, agencies = AGENCIES) {
  const { SAMPLE_NATIONAL_CALENDARS } = ctx.requireDist('dossier', 'libs/calendar/src/index.js');
  await ctx.withPg(databaseUrl, async (c) => {
    await c.query(
      `INSERT INTO procedure_version (code, version, name, implementing_agency_codes, channels, online_level, effective_from)
       VALUES ($1, 1, 'Đăng ký khai sinh (bench)', $2, $3, 'FULL', '2020-01-01T00:00:00+07:00')`,
      [procedure, agencies, JSON.stringify([{ channel: 'COUNTER', timeLimit: { amount: 5, unit: 'WORKING_DAY' }, fees: [] }])],
    );
    for (const y of SAMPLE_NATIONAL_CALENDARS) {
      await c.query(
        `INSERT INTO calendar_year (scope, year, holidays, working_days, settings, revision) VALUES ('national', $1, $2, $3, '{}', 1000000)
         ON CONFLICT (scope, year) DO UPDATE SET holidays = EXCLUDED.holidays, working_days = EXCLUDED.working_days, revision = EXCLUDED.revision`,
        [y.year, [...y.holidays], [...y.workingDays]],
      );
    }
  });
}

/**
 * Seeds the hub's dossier database (`seedSyncReferenceData`), registers an agency-system client, and returns
 * `sync(records)`: one `POST /v1/dossiers:sync` through the gateway, which throws unless every record was created or
 * updated.
 */
export async function prepareSyncHub(ctx, hub) {
  await seedSyncReferenceData(ctx, hub.databases.dossier);
  const apiKey = await hub.registerClient({ clientId: `bench-sync-${hub.suffix}`, kind: 'agency-system', roles: ['dossier:sync', 'dossier:read'], agencyCodes: AGENCIES });
  const sync = async (records) => {
    const res = await fetch(`${hub.url}/v1/dossiers:sync`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ dossiers: records }),
    });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`sync answered ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    const bad = body.results.filter((r) => r.outcome !== 'created' && r.outcome !== 'updated');
    if (bad.length > 0) throw new Error(`sync: ${bad.length} records not created/updated, e.g. ${JSON.stringify(bad[0])}`);
  };
  return { apiKey, sync };
}

/**
 * Reads the CPU counters of the hub's gateway and dossier and of the dossier database's backends; `perBatch(before,
 * after, n)` turns two readings into ms (and faults) per batch. Backends count only if they lived through the whole
 * window (a pool may open or close some: a lower bound).
 */
export function syncCounters(ctx, hub) {
  const backends = () =>
    ctx.withPg(hub.databases.dossier, (c) => c.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).then((r) => r.rows.map((x) => x.pid));
  const read = async () => ({
    gateway: processCounters(hub.pidOf('gateway')),
    dossier: processCounters(hub.pidOf('dossier')),
    postgres: new Map((await backends()).map((pid) => [pid, cpuSeconds(pid) ?? 0])),
  });
  const perBatch = (before, after, n) => ({
    cpuGatewayMs: ((after.gateway.cpuSec - before.gateway.cpuSec) * 1000) / n,
    cpuDossierMs: ((after.dossier.cpuSec - before.dossier.cpuSec) * 1000) / n,
    sysGatewayMs: ((after.gateway.sysSec - before.gateway.sysSec) * 1000) / n,
    sysDossierMs: ((after.dossier.sysSec - before.dossier.sysSec) * 1000) / n,
    faultsGateway: (after.gateway.minorFaults - before.gateway.minorFaults) / n,
    faultsDossier: (after.dossier.minorFaults - before.dossier.minorFaults) / n,
    cpuPostgresMs: ([...after.postgres].reduce((s, [pid, cpu]) => s + (before.postgres.has(pid) ? cpu - before.postgres.get(pid) : 0), 0) * 1000) / n,
  });
  return { read, perBatch };
}
