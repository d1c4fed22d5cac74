// PostgreSQL and Kafka for a benchmark run: the environment's (DATABASE_URL + KAFKA_BROKERS), or the
// local ones from deploy/local. A broker this run started is stopped at the end; one that was already
// running (a developer's `npm start`, a test run) is left alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, localKafkaRunning } from '../../lib/infra.mjs';
import { ROOT } from './util.mjs';

// As the deploy/local scripts: KAFKA_PORT (and KAFKA_CONTROLLER_PORT) select another local broker.
const LOCAL_KAFKA_PORT = Number(process.env.KAFKA_PORT || 9092);

function runScript(name, env = {}) {
  execFileSync('bash', [join(ROOT, 'deploy/local', name)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KAFKA_PORT: String(LOCAL_KAFKA_PORT), ...env },
  });
}

export { databaseUrl };

/**
 * @returns {{ source: 'env'|'local', pgUrl: string, kafkaBrokers: string[], startedKafka: boolean, release(): void }}
 */
export function ensureInfrastructure(log, cleanup) {
  if (process.env.DATABASE_URL && process.env.KAFKA_BROKERS) {
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
  if (!alreadyRunning) {
    // Registered before the start: a broker that starts but never gets ready is stopped too.
    log('the harness starts the local Kafka broker; it stops it at the end');
    cleanup.defer('stop the Kafka broker this run started', () => runScript('kafka-stop.sh'));
  }
  runScript('kafka-start.sh');
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
 * The broker's principals (deploy/local/kafka-start.sh writes them; KAFKA_CREDENTIALS_FILE for another broker), or
 * undefined for a broker without SASL.
 */
export function kafkaPrincipals() {
  const file = process.env.KAFKA_CREDENTIALS_FILE || join(ROOT, '.local/kafka', `credentials-${LOCAL_KAFKA_PORT}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** kafkajs `sasl` options of a principal (`admin` or a service name), or undefined for a broker without SASL. */
export function kafkaSaslOf(who = 'admin') {
  const principals = kafkaPrincipals();
  const principal = who === 'admin' ? principals?.admin : principals?.services?.[who] ?? principals?.admin;
  return principal ? { mechanism: principals.mechanism ?? 'scram-sha-512', username: principal.username, password: principal.password } : undefined;
}
