import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testInfrastructure, testKafkaConnection } from '@hub/testing';
import { freePortBase, portFree, REPO_ROOT } from './support/start-script';

interface BenchRow {
  metric: string;
  baseline: number;
  subject: number;
  ratio: number;
}
interface BenchResult {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  reason?: string;
  result?: { rows: BenchRow[] };
  warnings: string[];
  seconds: number;
}

/**
 * The longest a scenario takes with --quick on 2 busy cores (the longest, `intake`, ~75 s): one that waits for a
 * timeout and then measures anyway (as `index-update` once did, for 600 s) must not pass unnoticed.
 */
const SCENARIO_MAX_SECONDS = 300;

/**
 * `npm run bench -- --quick` as a smoke test: every scenario of tools/bench/scenarios runs once, briefly, against the
 * built apps, so the harness cannot rot between the runs that measure (`npm run bench`, not part of CI). Like a
 * developer's run it takes the local path (no DATABASE_URL/KAFKA_BROKERS): PostgreSQL at 127.0.0.1:5432 and a broker
 * of the benchmarks' own, here on free ports, which must not touch the test broker and must be gone afterwards.
 * What the figures are is not asserted (they are noise at this length); that each scenario produced them is.
 */
describe('npm run bench -- --quick (every benchmark scenario, once, briefly)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'hub-bench-smoke-'));
  // About 9 minutes on 2 quiet cores: each scenario starts its own apps.
  const RUN_MS = 25 * 60_000;

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('runs every scenario on a broker of its own, reports finite figures, and leaves no app, database or broker behind', async () => {
    expect(new URL(testInfrastructure().postgresUrl).host).toBe('127.0.0.1:5432'); // the harness's local path uses it
    const kafkaPort = await freePortBase();
    const databasesBefore = await benchDatabases();
    const testBrokerGroupsBefore = await testBrokerBenchGroups();
    const report = join(tmp, 'run.json');
    const { DATABASE_URL: _database, KAFKA_BROKERS: _brokers, KAFKA_CREDENTIALS_FILE: _credentials, ...env } = process.env;

    const { code, output } = await runToEnd(process.execPath, ['tools/bench/run.mjs', '--quick', '--no-write', '--json', report], {
      ...env,
      BENCH_KAFKA_PORT: String(kafkaPort),
      BENCH_KAFKA_CONTROLLER_PORT: String(kafkaPort + 1),
      // intake-ab and sync-ab compare this build with itself: no base revision to build (HEAD~1 may pin other packages).
      BENCH_AB_NODE_ARGS: '{}',
    }, RUN_MS);
    if (code !== 0) throw new Error(`npm run bench -- --quick exited with ${code}:\n${output.slice(-6000)}`);

    const run: { settings: string; results: BenchResult[] } = JSON.parse(readFileSync(report, 'utf8'));
    expect(run.settings).toContain('(--quick)');
    const scenarios = readdirSync(join(REPO_ROOT, 'tools/bench/scenarios')).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4));
    expect(run.results.map((r) => r.name).sort()).toEqual([...scenarios].sort());
    for (const result of run.results) {
      expect({ name: result.name, status: result.status, error: result.error ?? result.reason }).toEqual({ name: result.name, status: 'ok', error: undefined });
      // Nothing measured before the consumers caught up or the apps were idle, no gap in the codes, no failed request.
      expect({ name: result.name, warnings: result.warnings }).toEqual({ name: result.name, warnings: [] });
      expect({ name: result.name, inTime: result.seconds <= SCENARIO_MAX_SECONDS }).toEqual({ name: result.name, inTime: true });
      expect(result.result?.rows.length).toBeGreaterThan(0);
      for (const row of result.result?.rows ?? []) {
        const figures = [row.baseline, row.subject, row.ratio];
        expect({ scenario: result.name, metric: row.metric, finite: figures.every((v) => Number.isFinite(v) && v >= 0) }).toEqual({ scenario: result.name, metric: row.metric, finite: true });
      }
    }
    expect(output).toContain(`kafka 127.0.0.1:${kafkaPort}`);

    // Nothing left: the broker stopped (and its data wiped), every app stopped with its database dropped.
    expect(await portFree(kafkaPort)).toBe(true);
    expect(await portFree(kafkaPort + 1)).toBe(true);
    expect(readdirSync(join(REPO_ROOT, '.local/kafka')).filter((f) => f === `data-${kafkaPort}` || f === `kafka-${kafkaPort}.pid`)).toEqual([]);
    expect((await benchDatabases()).filter((d) => !databasesBefore.includes(d))).toEqual([]);
    // The test broker saw none of it: no new consumer group of a benchmark's hub or baseline.
    expect((await testBrokerBenchGroups()).filter((g) => !testBrokerGroupsBefore.includes(g))).toEqual([]);
  }, RUN_MS + 60_000);
});

async function testBrokerBenchGroups(): Promise<string[]> {
  const admin = new Kafka({ clientId: 'bench-smoke-check', ...testKafkaConnection(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    return groups.map((g) => g.groupId).filter((g) => g.includes('bench'));
  } finally {
    await admin.disconnect();
  }
}

async function benchDatabases(): Promise<string[]> {
  const pg = new Client({ connectionString: testInfrastructure().postgresUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ datname: string }>(`SELECT datname::text FROM pg_database WHERE datname LIKE 'hub\\_bench\\_%'`);
    return rows.map((r) => r.datname);
  } finally {
    await pg.end();
  }
}

/** Runs a command in the repository to its end (killed after `timeoutMs`): its exit code and its output, interleaved. */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => {
      output += d.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // SIGINT: the harness then stops its apps, drops its databases and stops its broker before it exits.
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
