// The floor of the hub's architecture for one write: the request crosses two bare Node HTTP processes, a proxy (where
// the gateway sits) and a service (where the dossier service sits), and the service commits the body as one jsonb row
// with `BEGIN; INSERT; COMMIT`. No auth, validation, numbering, outbox, events or logging: what the two hops and the
// commit cost on this machine, so a scenario can show how much of a target the process layout itself leaves. A sync
// batch (`{ "dossiers": [...] }`) is one multi-row upsert instead, as the dossier-sync baseline does it.
// The floor of the design (`startDesignFloor`) is the same two hops doing the durable work the design requires and
// nothing else (design-floor-proc.mjs): numbering, dossier and outbox rows in one group commit, a relay to Kafka, the
// exchange log appended before the answer.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distDirOf } from './build.mjs';
import { DESIGN_FLOOR_TABLES, EXCHANGE_LOG_TABLE } from './design-floor-sql.mjs';
import { RAW_INTAKE_TABLE } from './intake-requests.mjs';
import { RAW_SYNC_TABLE } from './sync-records.mjs';
import { sleep, withTimeout } from './util.mjs';

const require = createRequire(import.meta.url);
const PROC = fileURLToPath(new URL('./bare-chain-proc.mjs', import.meta.url));
const DESIGN_PROC = fileURLToPath(new URL('./design-floor-proc.mjs', import.meta.url));

/** Starts the chain on a database of its own; returns `{ url, pids: { proxy, service } }` (url: the proxy's). */
export async function startBareChain(ctx, { database, poolMax }) {
  const db = await ctx.createDatabase(database);
  await ctx.withPg(db.url, (c) => c.query(`${RAW_INTAKE_TABLE}; ${RAW_SYNC_TABLE}`));
  const service = await startProc(ctx, PROC, 'service', { DATABASE_URL: db.url, POOL_MAX: String(poolMax) });
  const proxy = await startProc(ctx, PROC, 'proxy', { TARGET_URL: service.url, POOL_MAX: String(poolMax) });
  return { url: proxy.url, pids: { proxy: proxy.pid, service: service.pid } };
}

/**
 * Starts the floor of the design on two databases of its own (`database` for the service, `<database>_exchange` for the
 * proxy's log) and a topic of its own; returns `{ url, pids: { proxy, service }, outboxLeft() }` (url: the proxy's;
 * `outboxLeft()` waits up to 10 s for the relay to empty the outbox and gives what is left).
 * `hubIntake: { schemaFrom, statementFile, seed }`: the service runs the hub's captured intake statement (`statementFile`)
 * on a copy of the schema of the hub's dossier database `schemaFrom` (`pg_dump --schema-only`), which `seed(url)` fills
 * with what the statement reads (the procedure's read model).
 */
export async function startDesignFloor(ctx, { database, poolMax, hubIntake }) {
  const db = await ctx.createDatabase(database);
  const exchangeDb = await ctx.createDatabase(`${database}_exchange`);
  if (hubIntake) {
    copySchema(hubIntake.schemaFrom, db.url);
    await hubIntake.seed(db.url);
  } else {
    await ctx.withPg(db.url, (c) => c.query(DESIGN_FLOOR_TABLES));
  }
  await ctx.withPg(exchangeDb.url, (c) => c.query(EXCHANGE_LOG_TABLE));
  // Both processes batch their commits with the hub's own GroupCommit (libs/persistence, as the dossier build has it).
  const groupCommitJs = join(distDirOf('dossier'), 'libs/persistence/src/group-commit.js');
  ctx.requireDist('dossier', 'libs/persistence/src/group-commit.js'); // builds the dossier if its dist is stale
  const { Kafka, logLevel } = require('kafkajs');
  const sasl = ctx.kafkaSasl ? { sasl: ctx.kafkaSasl } : {};
  const topic = `bench.design-floor.${ctx.randomSuffix()}`;
  const admin = new Kafka({ clientId: 'bench-design-floor-admin', brokers: ctx.kafkaBrokers, ...sasl, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  ctx.defer('disconnect the design floor admin', () => admin.disconnect());
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
  ctx.defer(`delete topic ${topic}`, () => admin.deleteTopics({ topics: [topic] }));
  const kafkaEnv = { KAFKA_BROKERS: ctx.kafkaBrokers.join(','), KAFKA_SASL: ctx.kafkaSasl ? JSON.stringify(ctx.kafkaSasl) : '', TOPIC: topic };
  const common = { POOL_MAX: String(poolMax), GROUP_COMMIT_JS: groupCommitJs };
  const hubEnv = hubIntake ? { HUB_INTAKE_STATEMENT: hubIntake.statementFile } : {};
  const service = await startProc(ctx, DESIGN_PROC, 'service', { DATABASE_URL: db.url, ...common, ...kafkaEnv, ...hubEnv });
  const proxy = await startProc(ctx, DESIGN_PROC, 'proxy', { TARGET_URL: service.url, DATABASE_URL: exchangeDb.url, ...common });
  const outboxLeft = async () => {
    let left;
    for (let i = 0; i < 100; i++) {
      left = await ctx.withPg(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM ${hubIntake ? 'outbox' : 'floor_outbox'}`)).then((r) => r.rows[0].n);
      if (left === 0) break;
      await sleep(100);
    }
    return left;
  };
  return { url: proxy.url, pids: { proxy: proxy.pid, service: service.pid }, databases: { service: db.url, exchange: exchangeDb.url }, outboxLeft };
}

/** Copies the schema of database `from` (tables, indexes, constraints, functions, triggers; no rows) into `to`. */
function copySchema(from, to) {
  const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', from], { maxBuffer: 64 << 20 });
  execFileSync('psql', ['-q', '-X', '-v', 'ON_ERROR_STOP=1', '-d', to], { input: dump, stdio: ['pipe', 'ignore', 'pipe'] });
}

async function startProc(ctx, script, role, env) {
  const child = spawn(process.execPath, [script, role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  ctx.defer(`stop the bare ${role}`, () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  }));
  const lines = createInterface({ input: child.stdout });
  const port = await withTimeout(
    new Promise((resolve, reject) => {
      lines.on('line', (l) => l.startsWith('listening ') && resolve(Number(l.slice(10))));
      child.once('exit', (code) => reject(new Error(`bare ${role} exited with ${code}`)));
    }),
    15_000,
    `bare ${role} did not start`,
  );
  return { url: `http://127.0.0.1:${port}`, pid: child.pid };
}
