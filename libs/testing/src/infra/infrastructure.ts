import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Loaded by jest's globalSetup, where path aliases do not resolve: relative imports only.
export type InfrastructureSource = 'env' | 'testcontainers' | 'local';

export interface Infrastructure {
  source: InfrastructureSource;
  /** Server URL without a database name: each test creates its own database. */
  postgresUrl: string;
  kafkaBrokers: string[];
  /** Stops what this process started (nothing for `env`). */
  release(): Promise<void>;
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
    return { source: 'env', postgresUrl: serverUrl(env.DATABASE_URL), kafkaBrokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()), release: async () => undefined };
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
