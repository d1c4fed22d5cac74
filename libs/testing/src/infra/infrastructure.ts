import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Loaded by jest's globalSetup, where path aliases do not resolve: relative imports only.
export type InfrastructureSource = 'env' | 'testcontainers' | 'local';

export interface Infrastructure {
  source: InfrastructureSource;
  /** Server URL without a database name: each test creates its own database. */
  postgresUrl: string;
  kafkaBrokers: string[];
  /**
   * The broker's SASL/SCRAM principals, when it has them: the admin (a super user, for tests and tools) and,
   * in the credentials file, one principal per service for the apps that tests start as processes.
   */
  kafkaAuth?: KafkaAuth;
  /** Stops what this process started (nothing for `env`). */
  release(): Promise<void>;
}

export interface KafkaCredential {
  username: string;
  password: string;
}

export interface KafkaAuth {
  mechanism: 'scram-sha-512' | 'scram-sha-256';
  admin: KafkaCredential;
  /** Written by deploy/local/kafka-start.sh: `{ mechanism, admin, services: { catalogue: {...}, ... } }`. */
  credentialsFile?: string;
}

const REPO_ROOT = resolve(__dirname, '../../../..');
export const LOCAL_KAFKA_PORT = 9092;

/**
 * Finds PostgreSQL and Kafka the way ARCHITECTURE.md says: DATABASE_URL/KAFKA_BROKERS set → use them;
 * a reachable Docker engine → Testcontainers; otherwise the local scripts in deploy/local; else fail
 * with what to install.
 */
export async function resolveInfrastructure(env: NodeJS.ProcessEnv = process.env): Promise<Infrastructure> {
  if (env.DATABASE_URL && env.KAFKA_BROKERS) {
    return {
      source: 'env',
      postgresUrl: serverUrl(env.DATABASE_URL),
      kafkaBrokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
      kafkaAuth: kafkaAuthFromEnv(env),
      release: async () => undefined,
    };
  }
  if (dockerReachable()) return startTestcontainers();
  const missing = ['java', 'mvn', 'psql'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) {
    throw new Error(
      `No infrastructure for tests: DATABASE_URL and KAFKA_BROKERS are not set, no Docker engine answers, and ${missing.join(', ')} ` +
        `${missing.length > 1 ? 'are' : 'is'} missing for the local path. Install them (Debian: apt-get install openjdk-17-jre-headless maven postgresql) ` +
        'or set DATABASE_URL and KAFKA_BROKERS.',
    );
  }
  return startLocal();
}

/**
 * `KAFKA_CREDENTIALS_FILE` (the file of deploy/local/kafka-start.sh), or `KAFKA_USERNAME` + `KAFKA_PASSWORD` of an
 * admin principal (`KAFKA_SASL_MECHANISM`, default scram-sha-512); neither: a broker without authentication.
 */
export function kafkaAuthFromEnv(env: NodeJS.ProcessEnv): KafkaAuth | undefined {
  if (env.KAFKA_CREDENTIALS_FILE) return kafkaAuthFromFile(env.KAFKA_CREDENTIALS_FILE);
  if (env.KAFKA_USERNAME && env.KAFKA_PASSWORD) {
    const mechanism = env.KAFKA_SASL_MECHANISM === 'scram-sha-256' ? 'scram-sha-256' : 'scram-sha-512';
    return { mechanism, admin: { username: env.KAFKA_USERNAME, password: env.KAFKA_PASSWORD } };
  }
  return undefined;
}

export function kafkaAuthFromFile(file: string): KafkaAuth {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { mechanism?: string; admin?: KafkaCredential };
  if (!parsed.admin?.username || !parsed.admin.password) throw new Error(`${file} has no admin credential`);
  return { mechanism: parsed.mechanism === 'scram-sha-256' ? 'scram-sha-256' : 'scram-sha-512', admin: parsed.admin, credentialsFile: file };
}

/** The principal of one service from the credentials file; the admin when there is no file (a bare KAFKA_USERNAME). */
export function serviceKafkaCredential(auth: KafkaAuth, service: string): KafkaCredential {
  if (!auth.credentialsFile) return auth.admin;
  const parsed = JSON.parse(readFileSync(auth.credentialsFile, 'utf8')) as { services?: Record<string, KafkaCredential> };
  return parsed.services?.[service] ?? auth.admin;
}

/** The URL of `database` on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function serverUrl(url: string): string {
  return databaseUrl(url, 'postgres');
}

function dockerReachable(): boolean {
  const socket = '/var/run/docker.sock';
  if (!process.env.DOCKER_HOST && !existsSync(socket)) return false;
  return spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 }).status === 0;
}

async function startTestcontainers(): Promise<Infrastructure> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [pg, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:15-alpine').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
  ]);
  return {
    source: 'testcontainers',
    postgresUrl: serverUrl(pg.getConnectionUri()),
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    release: async () => {
      await Promise.all([pg.stop(), kafka.stop()]);
    },
  };
}

function startLocal(): Infrastructure {
  runScript('ensure-postgres.sh');
  const alreadyRunning = localKafkaRunning();
  runScript('kafka-start.sh');
  return {
    source: 'local',
    postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    kafkaBrokers: [`127.0.0.1:${LOCAL_KAFKA_PORT}`],
    kafkaAuth: kafkaAuthFromFile(join(REPO_ROOT, '.local/kafka', `credentials-${LOCAL_KAFKA_PORT}.json`)),
    // Leave a broker alone that someone else started (a developer's `npm start`).
    release: async () => {
      if (!alreadyRunning) stopLocalKafka();
    },
  };
}

function localKafkaRunning(): boolean {
  const pidFile = join(REPO_ROOT, '.local/kafka', `kafka-${LOCAL_KAFKA_PORT}.pid`);
  if (!existsSync(pidFile)) return false;
  return spawnSync('sh', ['-c', `kill -0 "$(cat '${pidFile}')"`]).status === 0;
}

export function stopLocalKafka(): void {
  runScript('kafka-stop.sh');
}

export function startLocalKafka(): void {
  runScript('kafka-start.sh');
}

function runScript(name: string): void {
  execFileSync('bash', [join(REPO_ROOT, 'deploy/local', name)], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, KAFKA_PORT: String(LOCAL_KAFKA_PORT) } });
}
