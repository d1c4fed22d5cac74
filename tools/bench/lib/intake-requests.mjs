// What the intake and intake-latency scenarios submit: online intakes of one bench procedure, implemented by 16
// agencies, and the procedure's row in the dossier's read model; and their baseline, a raw commit loop.
import { performance } from 'node:perf_hooks';
import { benchPool } from './db.mjs';

// A code no catalogue event on the broker uses (a fresh consumer group replays the catalogue topics).
export const PROCEDURE = `9.${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
export const AGENCIES = Array.from({ length: 16 }, (_, i) => `000.00.${String(10 + i).padStart(2, '0')}.H31`);

/** The body of online intake `i` to `agency` (a birth registration, ~300 bytes of JSON). */
export function intakeBody(agency, i) {
  return {
    procedureCode: PROCEDURE,
    receivingAgencyCode: agency,
    channel: 'ONLINE',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678', address: `Số ${i} phố Huế, Hà Nội` },
    summary: 'Đăng ký khai sinh cho con (benchmark)',
  };
}

/** Publishes PROCEDURE (online, 3 working days, no fee, every agency of AGENCIES) in the dossier's read model. */
export function seedProcedure(ctx, dossierDatabaseUrl) {
  return ctx.withPg(dossierDatabaseUrl, (c) =>
    c.query(
      `INSERT INTO procedure_version (code, version, name, implementing_agency_codes, channels, online_level, effective_from)
       VALUES ($1, 1, 'Đăng ký khai sinh (bench)', $2, $3, 'FULL', '2020-01-01T00:00:00+07:00')
       ON CONFLICT (code, version) DO UPDATE SET implementing_agency_codes = EXCLUDED.implementing_agency_codes, channels = EXCLUDED.channels,
                                                 effective_from = EXCLUDED.effective_from`,
      [PROCEDURE, AGENCIES, JSON.stringify([{ channel: 'ONLINE', timeLimit: { amount: 3, unit: 'WORKING_DAY' }, fees: [] }])],
    ),
  );
}

/** The raw loop's table (and the bare chain's handler's): one jsonb row per intake. */
export const RAW_INTAKE_TABLE = 'CREATE TABLE raw_dossier (id bigserial PRIMARY KEY, doc jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())';

/**
 * The floor an intake is measured against: `BEGIN; INSERT` one jsonb row`; COMMIT` in a loop, in a database of its own
 * (`database`) on the same server. Returns `(clients) => measure`: `measure()` runs the loop on `clients` connections
 * (at most `maxClients`) for the warm-up, then for the measured window, and gives commits/s, p50 and p99 (ms) and the
 * PostgreSQL CPU and the whole machine's busy CPU per commit (µs, when /proc can be read).
 */
export async function rawCommitLoop(ctx, { database, maxClients, row }) {
  const db = await ctx.createDatabase(database);
  const pool = benchPool(db.url, maxClients);
  ctx.defer('close the raw pool', () => pool.end());
  await pool.query(RAW_INTAKE_TABLE);
  const infraCpu = await ctx.infraCpu();
  const oneCommit = async (c) => {
    await c.query('BEGIN');
    await c.query('INSERT INTO raw_dossier (doc) VALUES ($1)', [row]);
    await c.query('COMMIT');
  };
  const phase = async (clients, seconds, latencies) => {
    const end = performance.now() + seconds * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const c = await pool.connect();
        try {
          while (performance.now() < end) {
            const t = performance.now();
            await oneCommit(c);
            latencies?.push(performance.now() - t);
            n++;
          }
        } finally {
          c.release();
        }
      }),
    );
    return n;
  };
  return (clients) => async () => {
    const { durationSec, warmupSec } = ctx.options;
    await phase(clients, warmupSec);
    const latencies = [];
    const pgBefore = infraCpu.postgres?.();
    const machineBefore = infraCpu.machine?.();
    const t0 = performance.now();
    const n = await phase(clients, durationSec, latencies);
    const pgCpuUsPerCommit = pgBefore === undefined ? undefined : ((infraCpu.postgres() - pgBefore) * 1e6) / n;
    const machineCpuUsPerCommit = machineBefore === undefined ? undefined : ((infraCpu.machine() - machineBefore) * 1e6) / n;
    const secs = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
    return { rps: n / secs, p50: pct(50), p99: pct(99), pgCpuUsPerCommit, machineCpuUsPerCommit };
  };
}
