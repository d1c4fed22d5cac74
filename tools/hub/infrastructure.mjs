// PostgreSQL and Kafka for `npm start`, found as README "Where PostgreSQL and Kafka come from" says. Whatever
// this run starts (the local Kafka broker, compose services) is registered on the cleanup stack before it starts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localKafkaRunning } from '../lib/infra.mjs';
import { probe, run } from './run.mjs';

const COMPOSE_SERVICES = ['postgres', 'kafka'];
const LOCAL_KAFKA_PORT = Number(process.env.KAFKA_PORT || 9092);

/**
 * `kafkaCredentialsFile`: the broker's per-service principals (deploy/local/kafka-start.sh writes it; or
 * KAFKA_CREDENTIALS_FILE); without it the apps use KAFKA_USERNAME/KAFKA_PASSWORD from the environment, if any.
 * `databaseRoles`: the local path gives each service's database its own role (`settings.roleOf`), which the apps use.
 * @returns {Promise<{ serverUrl: string, brokers: string, how: string, kafkaCredentialsFile?: string, databaseRoles?: boolean }>}
 */
export async function resolveInfrastructure({ root, settings, cleanup, log }) {
  if (process.env.DATABASE_URL && process.env.KAFKA_BROKERS) {
    log('using DATABASE_URL and KAFKA_BROKERS from the environment');
    return { serverUrl: process.env.DATABASE_URL, brokers: process.env.KAFKA_BROKERS, how: 'env', kafkaCredentialsFile: process.env.KAFKA_CREDENTIALS_FILE || undefined };
  }
  if ((await probe('docker', ['info', '--format', '{{.ServerVersion}}'])).code === 0) {
    // docker-compose.yml requires every secret: npm start keeps development ones in .local/compose.env.
    const envFile = composeEnvFile(root);
    const compose = ['compose', '--env-file', envFile];
    const running = (await probe('docker', [...compose, 'ps', '--status', 'running', '--services'])).out.split('\n');
    const ours = COMPOSE_SERVICES.filter((s) => !running.includes(s));
    if (ours.length > 0) cleanup.defer('stop the containers npm start started', () => run(cleanup, 'docker', [...compose, 'stop', ...ours]));
    log('Docker engine found: starting postgres and kafka with docker compose');
    await run(cleanup, 'docker', [...compose, 'up', '-d', '--wait', ...COMPOSE_SERVICES]);
    const env = Object.fromEntries(readFileSync(envFile, 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const kafkaCredentialsFile = join(root, '.local/kafka-credentials-docker.json');
    const principal = (name) => ({ username: name, password: env[`KAFKA_${name.toUpperCase()}_PASSWORD`] });
    writeFileSync(kafkaCredentialsFile, JSON.stringify({ mechanism: 'scram-sha-512', admin: principal('admin'), services: Object.fromEntries(['catalogue', 'dossier', 'payment', 'rating'].map((s) => [s, principal(s)])) }), { mode: 0o600 });
    return { serverUrl: `postgres://hub:${env.POSTGRES_PASSWORD}@127.0.0.1:5432/postgres`, brokers: '127.0.0.1:9092', how: 'docker', kafkaCredentialsFile };
  }
  const missing = [];
  for (const tool of ['java', 'mvn', 'psql']) if ((await probe('sh', ['-c', `command -v ${tool}`])).code !== 0) missing.push(tool);
  if (missing.length > 0) {
    throw new Error(`no DATABASE_URL/KAFKA_BROKERS, no Docker engine, and ${missing.join(', ')} missing for the local path`);
  }
  log('no Docker engine: local PostgreSQL and a local Apache Kafka broker (deploy/local)');
  // Each database with its service's own role: the service connects as that role and can reach nothing else.
  await run(cleanup, 'bash', ['deploy/local/ensure-postgres.sh', ...Object.keys(settings.ports).map((app) => `${settings.databaseOf(app)}:${settings.roleOf(app)}`)], { cwd: root });
  if (!localKafkaRunning(root, LOCAL_KAFKA_PORT)) {
    cleanup.defer('stop the Kafka broker npm start started', () => run(cleanup, 'bash', ['deploy/local/kafka-stop.sh'], { cwd: root }));
  }
  await run(cleanup, 'bash', ['deploy/local/kafka-start.sh'], { cwd: root });
  return {
    serverUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    brokers: `127.0.0.1:${LOCAL_KAFKA_PORT}`,
    how: 'local',
    databaseRoles: true,
    kafkaCredentialsFile: join(process.env.KAFKA_HOME_DIR || join(root, '.local/kafka'), `credentials-${LOCAL_KAFKA_PORT}.json`),
  };
}

/** .local/compose.env: the secrets docker-compose.yml requires, generated once (tools/hub/compose-env.mjs). */
function composeEnvFile(root) {
  const file = join(root, '.local/compose.env');
  if (!existsSync(file)) {
    mkdirSync(join(root, '.local'), { recursive: true });
    writeFileSync(file, execFileSync(process.execPath, [join(root, 'tools/hub/compose-env.mjs')]), { mode: 0o600 });
  }
  return file;
}
