// `npm run bench [-- scenario ... --runs N --duration S --warmup S --connections N --quick --no-write --json FILE --list]`
// Runs the named scenarios (default: all) and appends their figures to docs/benchmarks.md.
// Harness contract (ctx, return shape): tools/bench/README.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { APPS, distDirOf, ensureBuilt } from './lib/build.mjs';
import { benchDatabaseName, createDatabase, dropDatabase, withPg } from './lib/db.mjs';
import { ensureInfrastructure, kafkaSaslOf, localKafkaVersion } from './lib/infra.mjs';
import { startHub } from './lib/hub.mjs';
import { load } from './lib/load.mjs';
import { appendReport, fmtRatio, gitInfo, machineInfo, renderSection } from './lib/report.mjs';
import { compare, fmt, median } from './lib/stats.mjs';
import { Cleanup, cpuSeconds, createLog, randomSuffix, ROOT, treeCpuSeconds } from './lib/util.mjs';

const SCENARIO_DIR = join(ROOT, 'tools/bench/scenarios');
const REPORT_FILE = join(ROOT, 'docs/benchmarks.md');
// Scenarios the harness knows should exist; a missing file is reported as skipped, not as a typo.
const EXPECTED = ['gateway-hop', 'outbox-relay', 'catalogue-search', 'intake'];
const require = createRequire(import.meta.url);

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    quick: { type: 'boolean', default: false },
    write: { type: 'boolean' },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'string' },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const log = createLog();
process.chdir(ROOT);

function available() {
  const files = existsSync(SCENARIO_DIR) ? readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.mjs')) : [];
  const names = files.map((f) => f.slice(0, -4));
  return [...EXPECTED, ...names.filter((n) => !EXPECTED.includes(n)).sort()];
}
const fileOf = (name) => join(SCENARIO_DIR, `${name}.mjs`);

if (args.help) {
  console.log(`usage: npm run bench -- [scenario ...] [options]
  scenarios: ${available().join(', ')} (default: all)
  --runs N         baseline/subject pairs per comparison (default 3)
  --duration S     measured seconds per HTTP load (default 10)
  --warmup S       warm-up seconds before each HTTP load (default 3)
  --connections N  concurrent connections of the saturating HTTP loads (default 32)
  --quick          smoke test: 1 run, 3 s + 1 s warm-up; nothing appended unless --write
  --no-write       print the figures, do not append to docs/benchmarks.md
  --json FILE      also write the run (every scenario's status, figures, notes and warnings) to FILE as JSON
  --list           list scenarios and exit`);
  process.exit(0);
}

if (args.list) {
  for (const name of available()) {
    if (!existsSync(fileOf(name))) {
      console.log(`${name}  (not written yet: ${fileOf(name).slice(ROOT.length)})`);
      continue;
    }
    const mod = await import(fileOf(name));
    console.log(`${name}  ${mod.description ?? ''}`);
  }
  process.exit(0);
}

const int = (v, name, dflt) => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new Error(`--${name} must be a positive number (got ${v})`);
  return n;
};
const quick = args.quick;
const options = {
  runs: Math.round(int(args.runs, 'runs', quick ? 1 : 3)),
  durationSec: int(args.duration, 'duration', quick ? 3 : 10),
  warmupSec: int(args.warmup, 'warmup', quick ? 1 : 3),
  connections: Math.round(int(args.connections, 'connections', 32)),
  quick,
};
const write = args['no-write'] ? false : (args.write ?? !quick);

const requested = positionals.length > 0 ? positionals : available();
const unknown = requested.filter((n) => !EXPECTED.includes(n) && !existsSync(fileOf(n)));
if (unknown.length > 0) {
  console.error(`[bench] unknown scenario(s): ${unknown.join(', ')}; available: ${available().join(', ')}`);
  process.exit(2);
}

const cleanup = new Cleanup(log);
let scenarioCleanup; // the running scenario's resources, released before the run's own (the broker)
let interrupted = false;
let abortExitCode = 130;
/** Releases what the run holds (the scenario's apps and databases, then the broker) and exits: on a signal or a crash. */
function abort(reason, exitCode, error) {
  if (error !== undefined) log(`${reason}: ${error?.stack ?? error}`);
  if (interrupted) return;
  interrupted = true;
  abortExitCode = exitCode;
  log(`${reason}: cleaning up (apps, databases, broker) …`);
  Promise.resolve(scenarioCleanup?.runAll())
    .then(() => cleanup.runAll())
    .finally(() => process.exit(exitCode));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abort(signal, 130));
// An error no scenario awaited (an 'error' event without a listener, a rejected promise nobody holds) would otherwise
// end the process at once, leaving the benchmarks' broker running and the scenario's databases behind.
process.on('uncaughtException', (e) => abort('uncaught exception', 1, e));
process.on('unhandledRejection', (e) => abort('unhandled rejection', 1, e));

const startedAt = new Date();
const machine = machineInfo();
const git = gitInfo(ROOT);
const results = [];
let exitCode = 0;

try {
  const infra = ensureInfrastructure(log, cleanup);
  log(`postgres ${infra.pgUrl.replace(/\/\/[^@]*@/, '//')}, kafka ${infra.kafkaBrokers.join(',')}; scenarios: ${requested.join(', ')}`);
  const pgVersion = await withPg(infra.pgUrl, (c) => c.query('SHOW server_version')).then((r) => r.rows[0].server_version.split(' ')[0], () => undefined);
  const kafkaVersion = infra.source === 'local' ? localKafkaVersion() : undefined;

  for (const name of requested) {
    if (interrupted) break;
    const t0 = Date.now();
    if (!existsSync(fileOf(name))) {
      const reason = `\`${fileOf(name).slice(ROOT.length)}\` does not exist yet.`;
      log(`${name}: skipped — ${reason}`);
      results.push({ name, status: 'skipped', reason, seconds: 0 });
      continue;
    }
    const scenarioLog = createLog(name);
    scenarioCleanup = new Cleanup(scenarioLog);
    const notes = [];
    const warnings = [];
    const ctx = makeContext({ name, log: scenarioLog, cleanup: scenarioCleanup, notes, warnings, infra });
    let mod = {};
    try {
      mod = await import(fileOf(name));
      scenarioLog(`${mod.description ?? ''}`);
      if (typeof mod.run !== 'function') throw new Error(`${fileOf(name).slice(ROOT.length)} does not export run(ctx)`);
      const result = await mod.run(ctx);
      if (result?.skipped) {
        results.push({ name, description: mod.description, status: 'skipped', reason: result.skipped, warnings, seconds: (Date.now() - t0) / 1000 });
        scenarioLog(`skipped: ${result.skipped}`);
      } else {
        validateResult(name, result);
        results.push({ name, description: mod.description, status: 'ok', result, notes, warnings, seconds: (Date.now() - t0) / 1000 });
        for (const row of result.rows) {
          scenarioLog(`${row.metric}: baseline ${fmt(row.baseline)} ${row.unit}, subject ${fmt(row.subject)} ${row.unit}, ratio ${fmtRatio(row.ratio)}`);
        }
      }
    } catch (e) {
      exitCode = 1;
      scenarioLog(`FAILED: ${e.stack ?? e}`);
      results.push({ name, description: mod.description, status: 'failed', error: e.message ?? String(e), notes, warnings, seconds: (Date.now() - t0) / 1000 });
    } finally {
      await scenarioCleanup.runAll();
    }
  }

  const run = {
    startedAt,
    durationSec: (Date.now() - startedAt.getTime()) / 1000,
    machine,
    git,
    infra: {
      kafka:
        infra.source === 'env'
          ? `${infra.kafkaBrokers.join(',')} (KAFKA_BROKERS)`
          : `Apache Kafka ${kafkaVersion ?? '?'}, local single-node KRaft broker (deploy/local), ${infra.kafkaBrokers.join(',')}`,
      postgres: `${pgVersion ?? '?'}${infra.source === 'env' ? ' (DATABASE_URL)' : ', local, 127.0.0.1:5432'}`,
    },
    settings: `${options.runs} run${options.runs > 1 ? 's' : ''} per side, HTTP loads ${options.warmupSec} s warm-up + ${options.durationSec} s measured, ${options.connections} connections when saturating${quick ? ' (--quick)' : ''}`,
    results,
  };
  if (args.json) writeFileSync(args.json, `${JSON.stringify(run, null, 2)}\n`);
  const section = renderSection(run);
  if (interrupted) {
    log('interrupted: nothing appended');
  } else if (write && results.some((r) => r.status === 'ok')) {
    try {
      appendReport(REPORT_FILE, section);
      log(`appended to ${REPORT_FILE.slice(ROOT.length)}`);
    } catch (e) {
      console.log(`\n${section}`); // the figures are not lost
      throw e;
    }
  } else {
    console.log(`\n${section}`);
    log(write ? 'no scenario produced figures: nothing appended' : 'not appended (--no-write / --quick)');
  }
} catch (e) {
  exitCode = 1;
  log(`FAILED: ${e.stack ?? e}`);
} finally {
  await cleanup.runAll();
}
process.exit(interrupted ? abortExitCode : exitCode);

function makeContext({ name, log, cleanup, notes, warnings, infra }) {
  /** Something that makes the figures doubtful (measured before the apps were idle, say): logged, and kept in the report. */
  const warn = (text) => {
    log(`warning: ${text}`);
    warnings.push(text);
  };
  const env = { pgUrl: infra.pgUrl, kafkaBrokers: infra.kafkaBrokers, log, warn, cleanup, notes };
  return {
    name,
    root: ROOT,
    log,
    options: { ...options },
    pgUrl: infra.pgUrl,
    kafkaBrokers: [...infra.kafkaBrokers],
    /** kafkajs `sasl` options for the broker's admin principal (undefined without SASL): raw clients of baselines use them. */
    kafkaSasl: kafkaSaslOf('admin'),
    apps: [...APPS],
    startHub: (opts) => startHub(env, opts),
    ensureBuilt: (apps) => {
      const built = ensureBuilt(apps, log);
      for (const app of apps.filter((a) => built[a].stale && built[a].ok)) notes.push(`${app} ran from an older build: ${built[app].error}`);
      return Object.fromEntries(apps.map((a) => [a, { ...built[a], distDir: distDirOf(a) }]));
    },
    requireDist: (app, relPath) => {
      const built = ensureBuilt([app], log);
      if (!built[app].ok) throw new Error(`no build of ${app}: ${built[app].error}`);
      require('reflect-metadata'); // before any decorated class is evaluated (see lib/hub.mjs, NODE_ARGS)
      return require(join(distDirOf(app), relPath));
    },
    /** One HTTP load (lib/load.mjs), its warm-up and measured seconds those of the run (--warmup, --duration, --quick) unless given. */
    load: (o) => load({ warmupSec: options.warmupSec, durationSec: options.durationSec, ...o }),
    compare: (o) => compare({ runs: options.runs, log, ...o }),
    median,
    withPg,
    createDatabase: async (label) => {
      const dbName = benchDatabaseName(label);
      const url = await createDatabase(infra.pgUrl, dbName);
      const drop = cleanup.defer(`drop database ${dbName}`, () => dropDatabase(infra.pgUrl, dbName));
      return { name: dbName, url, drop };
    },
    defer: (label, fn) => cleanup.defer(label, fn),
    infraCpu: () => infraCpuReaders(infra),
    note: (text) => notes.push(text),
    warn,
    randomSuffix,
  };
}

/**
 * CPU readers (label → () => seconds) for `load`'s cpuPids, of the infrastructure processes on this machine: PostgreSQL
 * (its postmaster and every backend), the local Kafka broker and Redis (the gateway's rate limiter). One that is not
 * local is left out.
 */
async function infraCpuReaders(infra) {
  const readers = {};
  // The backend's parent is the postmaster: read while the connection is open (a closed one's backend is gone at once).
  const postmaster = await withPg(infra.pgUrl, async (c) => {
    const { pid } = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0];
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
    } catch {
      return undefined; // a server on another machine (or in a container): its CPU is not ours to read
    }
  }).catch(() => undefined);
  if (postmaster && treeCpuSeconds(Number(postmaster)) !== undefined) readers.postgres = () => treeCpuSeconds(Number(postmaster));
  const pidFile = join(ROOT, '.local/kafka', `kafka-${infra.kafkaBrokers[0]?.split(':')[1] ?? '9092'}.pid`);
  const kafkaPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
  if (Number.isInteger(kafkaPid) && cpuSeconds(kafkaPid) !== undefined) readers.kafka = () => cpuSeconds(kafkaPid);
  const redisPid = await localRedisPid(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  if (redisPid !== undefined && cpuSeconds(redisPid) !== undefined) readers.redis = () => cpuSeconds(redisPid);
  if (machineBusySeconds() !== undefined) readers.machine = machineBusySeconds;
  return readers;
}

/**
 * CPU seconds the whole machine has been busy (every CPU, every process and the kernel's interrupt work: user, nice,
 * system, irq, softirq, steal of /proc/stat), undefined where /proc/stat is not there: what no process's figure shows.
 */
function machineBusySeconds() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // cpu  user nice system idle iowait irq softirq steal ... (USER_HZ = 100)
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;
  } catch {
    return undefined;
  }
}

/** The pid of the Redis server the gateway uses (its rate limiter; `INFO server`), or undefined if it is not reachable. */
async function localRedisPid(url) {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const pid = Number(/^process_id:(\d+)/m.exec(await redis.info('server'))?.[1]);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

function validateResult(name, result) {
  const problems = [];
  if (!result || typeof result !== 'object') problems.push('run(ctx) returned nothing');
  else {
    if (!Array.isArray(result.rows) || result.rows.length === 0) problems.push('rows must be a non-empty array');
    for (const [i, row] of (result.rows ?? []).entries()) {
      for (const k of ['metric', 'unit']) if (typeof row[k] !== 'string') problems.push(`rows[${i}].${k} must be a string`);
      for (const k of ['baseline', 'subject', 'ratio']) if (typeof row[k] !== 'number') problems.push(`rows[${i}].${k} must be a number`);
    }
    if (typeof result.baseline !== 'string' || typeof result.subject !== 'string') problems.push('baseline and subject must be strings (what each side is)');
  }
  if (problems.length) throw new Error(`${name}: bad result: ${problems.join('; ')}`);
}
