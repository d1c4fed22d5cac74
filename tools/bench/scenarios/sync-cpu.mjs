// sync-cpu: the dossier service's own CPU on a 1,000-record sync batch, phase by phase and without any I/O (the built
// code, in this process): where dossier-sync's time goes once the database and the broker are taken out. Baseline:
// JSON.parse of the body and JSON.stringify of the records, what a service that stored the records as they came would
// do at least.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fmt, median } from '../lib/stats.mjs';
import { AGENCIES, BATCH, PROCEDURE, record } from '../lib/sync-records.mjs';

const require = createRequire(import.meta.url);

export const name = 'sync-cpu';
export const description =
  "The dossier service's in-process work on a 1,000-record sync batch (record validation, reference checks and content hash, " +
  'decide, dossier rows as JSON, event contracts and outbox JSON), per record, vs JSON.parse + JSON.stringify of the same records.';

const PHASES = ['validate', 'prepare', 'decide', 'rows', 'events'];

function load(ctx) {
  const dist = (path) => ctx.requireDist('dossier', path);
  const sync = 'apps/dossier/src/dossier/usecases/sync-dossiers/sync-preparation.js';
  return {
    ...dist(sync),
    ...dist('apps/dossier/src/dossier/domain/decide.js'),
    ...dist('apps/dossier/src/dossier/dossier-row.mapper.js'),
    ...dist('apps/dossier/src/dossier/entity-columns.js'),
    ...dist('apps/dossier/src/dossier/dossier-events.writer.js'),
    ...dist('apps/dossier/src/dossier/dossier.entity.js'),
    ...dist('libs/calendar/src/index.js'),
    ...dist('libs/messaging/src/index.js'),
    ...dist('libs/persistence/src/json-chunks.js'),
  };
}

export async function run(ctx) {
  const m = load(ctx);
  const { DataSource } = require('typeorm');
  const dataSource = new DataSource({ type: 'postgres', entities: [m.DossierEntity] });
  await dataSource.buildMetadatas(); // metadata only: no connection
  const dossierTable = dataSource.getMetadata(m.DossierEntity);
  const events = new m.DossierEventsWriter(new m.OutboxWriter({ service: 'dossier' }));
  const caller = { clientId: 'bench-sync', kind: 'agency-system', agencyCodes: AGENCIES, roles: ['dossier:sync'] };
  const version = {
    code: PROCEDURE,
    version: 1,
    implementingAgencyCodes: AGENCIES,
    channels: [{ channel: 'COUNTER', timeLimit: { amount: 5, unit: 'WORKING_DAY' }, fees: [] }],
    effectiveFrom: new Date('2020-01-01T00:00:00+07:00'),
  };
  const national = m.SAMPLE_NATIONAL_CALENDARS.map((y) => ({ scope: 'national', year: y.year, holidays: [...y.holidays], workingDays: [...y.workingDays], settings: {} }));
  const calendar = m.WorkingCalendar.compose(national, []);
  const refs = { procedures: new Map([[PROCEDURE, { versions: [version], withdrawnAt: null }]]), translate: () => null, calendars: new Map(AGENCIES.map((a) => [a, calendar])) };
  const identity = { submittedBy: caller.clientId, submittedAt: new Date(), updatedAt: new Date(), lookupKeyHash: 'hmac2:bench' };
  let next = 1;
  const body = () => {
    const first = next;
    next += BATCH;
    return JSON.stringify({ dossiers: Array.from({ length: BATCH }, (_, i) => record(first + i, 1)) });
  };

  /** Microseconds per record of each phase, over the measured duration (batches one after another). */
  const subjectBatch = (text) => {
    const t = {};
    let mark = performance.now();
    const lap = (phase) => {
      const now = performance.now();
      t[phase] = ((now - mark) * 1000) / BATCH;
      mark = now;
    };
    const records = JSON.parse(text).dossiers;
    const validated = records.map((raw, i) => m.validateRecord(raw, i, caller));
    lap('validate');
    const prepared = validated.map((v) => ('record' in v ? m.prepareRecord(v.index, v.record, caller, refs) : v));
    lap('prepare');
    const now = new Date();
    const decisions = prepared.map((p) => ('command' in p ? m.decide(null, p.command, { calendar: p.calendar, now }) : p));
    lap('decide');
    const created = decisions.filter((d) => d.outcome === 'created');
    if (created.length !== BATCH) throw new Error(`only ${created.length} of ${BATCH} records decided as created: ${JSON.stringify(decisions.find((d) => d.outcome !== 'created')).slice(0, 400)}`);
    // As DossierStateStore.save and DossierEventsWriter.append send them: JSON parameters of whole rows (jsonChunks).
    m.jsonChunks(created.map((d) => m.columnValuesOf(dossierTable, m.rowOf(d.state, identity))));
    lap('rows');
    // A batch's events share the trace of its request (the command carries it since the platform keeps no ambient context).
    const outbox = events.prepare(created.flatMap((d) => d.events), { correlationId: randomUUID() });
    m.jsonChunks(outbox.map(({ eventId, topic, key, payload, headers }) => ({ eventId, topic, key, payload, headers })));
    lap('events');
    return t;
  };
  const baselineBatch = (text) => {
    const start = performance.now();
    JSON.stringify(JSON.parse(text).dossiers);
    return { total: ((performance.now() - start) * 1000) / BATCH };
  };

  const measure = (one) => async () => {
    const seconds = ctx.options.quick ? 1 : Math.min(ctx.options.durationSec, 5);
    for (let i = 0; i < 3; i++) one(body()); // warm-up: JIT, inline caches
    const samples = [];
    const end = performance.now() + seconds * 1000;
    while (samples.length < 5 || performance.now() < end) {
      const text = body(); // built outside the timed part
      samples.push(one(text));
    }
    const out = { batches: samples.length };
    for (const key of Object.keys(samples[0])) out[key] = median(samples.map((s) => s[key]));
    if (!('total' in out)) out.total = PHASES.reduce((sum, p) => sum + out[p], 0);
    return out;
  };
  const { rows, samples } = await ctx.compare({
    baseline: { label: 'JSON.parse + JSON.stringify', measure: measure(baselineBatch) },
    subject: { label: 'in-process sync phases', measure: measure(subjectBatch) },
    metrics: [{ key: 'total', metric: 'CPU per record, 1,000-record batches of new dossiers', unit: 'µs', better: 'lower' }],
  });
  const phase = (p) => fmt(median(samples.subject.map((s) => s[p])));
  return {
    baseline: 'JSON.parse of the batch body + JSON.stringify of its records, in this process',
    subject: "the dossier's built sync code on the same batch, in this process, without I/O: validateRecord, prepareRecord (reference checks, content hash), decide, rowOf + columnValuesOf + JSON, DossierEventsWriter.prepare + JSON",
    rows,
    notes: [
      `Per record (median µs): ${PHASES.map((p) => `${p} ${phase(p)}`).join(', ')}; JSON.parse of the body is counted in validate.`,
      'dossier-sync adds to this the HTTP hop, the database statements, the relay to Kafka and garbage collection under load.',
    ],
  };
}
