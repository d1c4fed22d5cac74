// PostgreSQL and Kafka for a benchmark run: the environment's (DATABASE_URL + KAFKA_BROKERS), or the local
// PostgreSQL and a broker of the benchmarks' own, from deploy/local. That broker listens on BENCH_KAFKA_PORT
// (9192), not on the developer's 9092: a run produces hundreds of thousands of events, and every fresh consumer
// group (a test suite's, `npm start`'s) would replay them. A broker this run started begins empty and is stopped
// and wiped at the end; one that was already running on that port (a run killed by SIGKILL) is used and left alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, localKafkaRunning } from '../../lib/infra.mjs';
import { ROOT } from './util.mjs';

const LOCAL_KAFKA_PORT = portFromEnv('BENCH_KAFKA_PORT', 9192);
const LOCAL_KAFKA_CONTROLLER_PORT = portFromEnv('BENCH_KAFKA_CONTROLLER_PORT', LOCAL_KAFKA_PORT + 1);

function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got '${raw}'`);
  return port;
}

function runScript(name, args = []) {
  execFileSync('bash', [join(ROOT, 'deploy/local', name), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KAFKA_PORT: String(LOCAL_KAFKA_PORT), KAFKA_CONTROLLER_PORT: String(LOCAL_KAFKA_CONTROLLER_PORT) },
  });
}

export { databaseUrl };

/** True when DATABASE_URL and KAFKA_BROKERS name the infrastructure to measure on. */
const usesEnvironment = () => Boolean(process.env.DATABASE_URL && process.env.KAFKA_BROKERS);

/**
 * @returns {{ source: 'env'|'local', pgUrl: string, kafkaBrokers: string[], startedKafka: boolean, release(): void }}
 */
export function ensureInfrastructure(log, cleanup) {
  if (usesEnvironment()) {
    log('using DATABASE_URL and KAFKA_BROKERS from the environment');
    return {
      source: 'env',
      pgUrl: databaseUrl(process.env.DATABASE_URL, 'postgres'),
      kafkaBrokers: process.env.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean),
      startedKafka: false,
    };
  }
  runScript('ensure-postgres.sh');
  const alreadyRunning = localKafkaRunning(ROOT, LOCAL_KAFKA_PORT);
  if (alreadyRunning) {
    log(`using the benchmarks' broker already running on 127.0.0.1:${LOCAL_KAFKA_PORT} (topics as earlier runs left them); ` +
      `\`KAFKA_PORT=${LOCAL_KAFKA_PORT} bash deploy/local/kafka-stop.sh --wipe\` stops and empties it`);
  } else {
    // Empty at the start: what a run measures must not depend on what earlier runs left (consumer groups replay it).
    runScript('kafka-stop.sh', ['--wipe']);
    // Registered before the start: a broker that starts but never gets ready is stopped too.
    log(`the harness starts the benchmarks' own Kafka broker on 127.0.0.1:${LOCAL_KAFKA_PORT}; it stops and wipes it at the end`);
    cleanup.defer('stop and wipe the Kafka broker this run started', () => runScript('kafka-stop.sh', ['--wipe']));
  }
  try {
    runScript('kafka-start.sh');
  } catch (e) {
    // Exit 4: a port is held by a process that is not a broker of deploy/local (its message names KAFKA_PORT, the script's own).
    if (e.status === 4) {
      throw new Error(`127.0.0.1:${LOCAL_KAFKA_PORT} or :${LOCAL_KAFKA_CONTROLLER_PORT} is taken by another process: choose free ports for the benchmarks' broker with BENCH_KAFKA_PORT=<port> (and BENCH_KAFKA_CONTROLLER_PORT=<port>, by default the next one)`);
    }
    throw e;
  }
  return {
    source: 'local',
    pgUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    kafkaBrokers: [`127.0.0.1:${LOCAL_KAFKA_PORT}`],
    startedKafka: !alreadyRunning,
  };
}

/** Kafka version of the local broker (from deploy/local/kafka/pom.xml), if that is what runs. */
export function localKafkaVersion() {
  try {
    return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(ROOT, 'deploy/local/kafka/pom.xml'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The broker's principals (deploy/local/kafka-start.sh writes them for the benchmarks' broker; KAFKA_CREDENTIALS_FILE
 * for the environment's), or undefined for a broker without SASL.
 */
export function kafkaPrincipals() {
  const file = (usesEnvironment() && process.env.KAFKA_CREDENTIALS_FILE) || join(ROOT, '.local/kafka', `credentials-${LOCAL_KAFKA_PORT}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** kafkajs `sasl` options of a principal (`admin` or a service name), or undefined for a broker without SASL. */
export function kafkaSaslOf(who = 'admin') {
  const principals = kafkaPrincipals();
  const principal = who === 'admin' ? principals?.admin : principals?.services?.[who] ?? principals?.admin;
  return principal ? { mechanism: principals.mechanism ?? 'scram-sha-512', username: principal.username, password: principal.password } : undefined;
}
