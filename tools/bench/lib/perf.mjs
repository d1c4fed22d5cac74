// Where PostgreSQL's CPU goes, from Linux `perf` (BENCH_PERF=<dir>): a system-wide `perf record -a -g` over one
// measured load, then the share of the server's samples under each phase of a statement's life (parse and plan,
// executor start, run, the index inserts and after-statement triggers within it, commit and its WAL flush, the
// socket). V8's profiles show the apps; this shows the database, which `/proc` only gives as one figure per intake.
// Needs perf and the right to record every CPU (root, or kernel.perf_event_paranoid ≤ 0); without them the scenario
// says so in a note and measures as usual.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The directory to write perf data to (BENCH_PERF), or undefined when not asked for. */
export function perfDirectory() {
  const dir = process.env.BENCH_PERF;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Why `perf record -a` cannot run here, or undefined if it can. */
export function perfUnavailable() {
  try {
    execFileSync('perf', ['record', '-q', '-a', '-o', '/dev/null', '--', 'true'], { stdio: 'pipe', timeout: 30_000 });
    return undefined;
  } catch (e) {
    return e.code === 'ENOENT' ? 'perf is not installed' : `perf record -a failed: ${String(e.stderr ?? e.message).trim().split('\n')[0]}`;
  }
}

/**
 * Records every CPU (call graphs, 999 Hz) for `seconds`, starting after `delaySec` (the load's warm-up), into
 * `<dir>/<label>.perf.data`. Resolves with the file once perf has written it.
 */
export async function recordSystemWide(dir, label, { delaySec, seconds }) {
  const file = join(dir, `${label}.perf.data`);
  await new Promise((resolve) => setTimeout(resolve, delaySec * 1000));
  await run('perf', ['record', '-q', '-F', '999', '-a', '-g', '-o', file, '--', 'sleep', String(seconds)], { timeout: (seconds + 60) * 1000 });
  return file;
}

/**
 * Phases of PostgreSQL's work and the functions whose inclusive samples measure them. They nest (the index inserts
 * and the executor's triggers are part of a statement's execution; the WAL flush is part of the commit), so the shares
 * do not add up to 100 %.
 */
export const POSTGRES_PHASES = [
  ['parse and plan', ['raw_parser', 'pg_analyze_and_rewrite_fixedparams', 'pg_analyze_and_rewrite_varparams', 'pg_plan_queries']],
  ['executor start (plan nodes set up)', ['standard_ExecutorStart']],
  ['executor run', ['standard_ExecutorRun']],
  ['— of which index inserts', ['ExecInsertIndexTuples']],
  ['after-statement triggers (foreign keys, NOTIFY triggers)', ['AfterTriggerEndQuery']],
  ['commit', ['CommitTransactionCommand']],
  ['— of which the WAL flush', ['XLogFlush']],
  ['reading the client socket', ['pq_getbyte', 'pq_getbytes']],
];

/**
 * Inclusive share (%) of the samples of processes named `postgres` under each symbol of `perf report`'s output
 * (`--children --sort sym --stdio -g none --percentage relative`): lines like `  30.39%  0.06%  [.] standard_ExecutorRun`.
 */
export function parseChildrenReport(text) {
  const shares = new Map();
  for (const line of text.split('\n')) {
    const m = /^\s*([\d.]+)%\s+[\d.]+%\s+\[[.k]\]\s+(\S+)/.exec(line);
    if (m && !shares.has(m[2])) shares.set(m[2], Number(m[1]));
  }
  return shares;
}

/** `[phase, share %]` for each of POSTGRES_PHASES (a phase's functions summed: they do not call each other). */
export function postgresPhaseShares(shares) {
  return POSTGRES_PHASES.map(([phase, symbols]) => [phase, symbols.reduce((sum, s) => sum + (shares.get(s) ?? 0), 0)]);
}

/** `perf report` of the samples of processes named `postgres` in `file`, as text, percentages relative to them. */
async function postgresReport(file, sorting) {
  const args = ['report', '-i', file, '--comm', 'postgres', ...sorting, '--stdio', '-g', 'none', '--percentage', 'relative'];
  const { stdout } = await run('perf', args, { maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  return stdout;
}

/** The shares of PostgreSQL's samples in `file` (see parseChildrenReport). */
export async function postgresShares(file) {
  return parseChildrenReport(await postgresReport(file, ['--children', '--sort', 'sym']));
}

/** The PostgreSQL processes with the most samples in `file`: `[{ pid, share }]` (% of the server's samples), busiest first. */
export async function busiestPostgresProcesses(file, count = 3) {
  return parsePidReport(await postgresReport(file, ['--no-children', '--sort', 'pid'])).slice(0, count);
}

/** Lines like `    39.53%    12355:postgres` of `perf report --sort pid`. */
export function parsePidReport(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([\d.]+)%\s+(\d+):\S+/.exec(line);
    if (m) out.push({ pid: Number(m[2]), share: Number(m[1]) });
  }
  return out;
}

/**
 * One line per phase: PostgreSQL's CPU per request under it for each side, e.g.
 * `executor start: the hub 66 µs (10 %), the floor 15 µs (6 %)`, from each side's shares and its CPU per request.
 */
export function phaseLines(sides) {
  const perSide = sides.map(({ label, shares, cpuUsPerRequest }) => ({ label, cpuUsPerRequest, phases: new Map(postgresPhaseShares(shares)) }));
  return POSTGRES_PHASES.map(([phase]) => {
    const parts = perSide.map(({ label, cpuUsPerRequest, phases }) => {
      const share = phases.get(phase);
      return `${label} ${Math.round((share * cpuUsPerRequest) / 100)} µs (${share.toFixed(1)} %)`;
    });
    return `${phase}: ${parts.join(', ')}`;
  });
}
