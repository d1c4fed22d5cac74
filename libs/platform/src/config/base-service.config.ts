import { readFileSync } from 'node:fs';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsIP, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { DEFAULT_JSON_BUDGET, type JsonBudget } from '../http/json-budget';
import { IDENTITY_KEY_FORMAT, IDENTITY_KEY_LIST_FORMAT } from '../identity/identity-keys';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

const BROKER_LIST = /^\s*[A-Za-z0-9.-]+:\d{1,5}\s*(,\s*[A-Za-z0-9.-]+:\d{1,5}\s*)*$/;

/** Environment every service needs; a service extends it with its own variables. */
export class BaseServiceConfig {
  @IsInt({ message: 'must be an integer port' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT: number;

  /** Address the HTTP server binds: loopback by default (development, tests); containers set 0.0.0.0. */
  @IsIP(undefined, { message: 'must be an IP address to bind, e.g. 127.0.0.1, or 0.0.0.0 for all interfaces' })
  HTTP_HOST: string = '127.0.0.1';

  /**
   * Serves `/metrics` on this port instead of the API port (containers: 9464), on METRICS_HOST. Unset: `/metrics` on
   * the API port (development and tests).
   */
  @IsOptional()
  @IsInt({ message: 'must be an integer port' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  METRICS_PORT?: number;

  @IsIP(undefined, { message: 'must be an IP address to bind' })
  METRICS_HOST: string = '127.0.0.1';

  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: 'must be a postgres:// URL, e.g. postgres://user:pass@127.0.0.1:5432/dossier' },
  )
  DATABASE_URL: string;

  @Matches(BROKER_LIST, { message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092' })
  KAFKA_BROKERS: string;

  /** The service's own broker principal (SASL); unset: no authentication (a broker without SASL). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1-100 letters, digits, dots, dashes or underscores' })
  KAFKA_USERNAME?: string;

  @ValidateIf((config: BaseServiceConfig) => config.KAFKA_USERNAME !== undefined)
  @IsString({ message: 'must be set with KAFKA_USERNAME' })
  @MinLength(16, { message: 'must be at least 16 characters' })
  KAFKA_PASSWORD?: string;

  @IsIn(KAFKA_SASL_MECHANISMS, { message: `must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism = 'scram-sha-512';

  /** TLS to the broker (the Kubernetes manifests); the local broker on loopback runs SASL without TLS. */
  @Transform(({ obj, key }) => [true, 'true', '1'].includes((obj as Record<string, unknown>)[key] as string))
  @IsBoolean()
  KAFKA_SSL: boolean = false;

  /** PEM file of the CA that signed the broker's certificate (default: the system's CAs). */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string;

  /** Consumer group of the service's Kafka consumers; defaults to the service name. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'must be 1-200 letters, digits, dots, dashes or underscores' })
  KAFKA_GROUP_ID?: string;

  /** Partitions and replication of the topics a service creates at start-up (production: replication 3). */
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  KAFKA_TOPIC_PARTITIONS: number = 3;

  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  KAFKA_TOPIC_REPLICATION_FACTOR: number = 1;

  /**
   * Hours a published outbox row is kept (marked published) before it is deleted. 0, the default: deleted as soon as
   * Kafka has its event, without rewriting the row (deploy/docker/README.md, "Environment of the apps").
   */
  @IsInt({ message: 'must be an integer number of hours' })
  @Min(0, { message: 'must not be negative' })
  @Max(24 * 366, { message: 'must be at most 8784 (a year)' })
  OUTBOX_RETENTION_HOURS: number = 0;

  /**
   * Milliseconds the outbox relay waits after a commit wakes it, so that the commits landing meanwhile share one
   * cycle: events reach Kafka up to this much later, for less CPU per event (deploy/docker/README.md).
   */
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  @Max(1000, { message: 'must be at most 1000' })
  OUTBOX_COALESCE_MS: number = 25;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevelName = 'info';

  /** The gateway's Ed25519 public keys, `<kid>:<SPKI DER base64>[,...]`: verify `x-hub-identity`. */
  @IsOptional()
  @Matches(IDENTITY_KEY_LIST_FORMAT, { message: 'must be <kid>:<Ed25519 SPKI DER in base64>[,...] (node tools/hub/identity-keys.mjs)' })
  IDENTITY_PUBLIC_KEYS?: string;

  /** The gateway only: its Ed25519 private key, `<kid>:<PKCS#8 DER base64>`. Services must not hold it. */
  @IsOptional()
  @Matches(IDENTITY_KEY_FORMAT, { message: 'must be <kid>:<Ed25519 PKCS#8 DER in base64> (node tools/hub/identity-keys.mjs)' })
  IDENTITY_SIGNING_KEY?: string;

  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1, { message: 'must be at least 1' })
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** JSON budget of every body (see README, "Limits"); checked on the raw bytes before parsing. */
  @IsInt({ message: 'must be an integer' })
  @Min(2, { message: 'must be at least 2' })
  @Max(1000, { message: 'must be at most 1000 (deeper nesting overflows recursive validation)' })
  JSON_MAX_DEPTH: number = DEFAULT_JSON_BUDGET.maxDepth;

  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  JSON_MAX_ITEMS: number = DEFAULT_JSON_BUDGET.maxItems;

  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1, { message: 'must be at least 1' })
  JSON_MAX_STRING_BYTES: number = DEFAULT_JSON_BUDGET.maxStringBytes;

  /** Longest request target (path and query); longer → 414. Longer request line and headers in all: 431 (MAX_HEADER_BYTES). */
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(256, { message: 'must be at least 256' })
  MAX_URL_BYTES: number = 8 * 1024;

  /**
   * Longest request line and headers in all (Node's parser); longer → 431. A service takes 24 KiB: what it receives
   * is the gateway's forwarded request, the client's URL and some of its headers within the gateway's 16 KiB
   * (`GatewayConfig`) plus the signed identity (~1 KiB; ~6 KiB for a client with the most agency codes, 200), and it
   * must not refuse what the gateway accepted (`identity-token.spec.ts` checks the sum).
   */
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(4096, { message: 'must be at least 4096' })
  @Max(1024 * 1024, { message: 'must be at most 1048576' })
  MAX_HEADER_BYTES: number = 24 * 1024;

  /** Time a client has to send a whole request (headers and body); then 408. Fastify's own default is none. */
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1000, { message: 'must be at least 1000' })
  REQUEST_TIMEOUT_MS: number = 60_000;

  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  SHUTDOWN_TIMEOUT_MS: number = 10_000;
}

export interface KafkaConnection {
  brokers: string[];
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
  ssl?: boolean | { ca: string };
}

/** The outbox relay's settings from the service's configuration (MessagingModule's `relay`). */
export function outboxRelayOf(config: BaseServiceConfig): { retentionMs: number; coalesceMs: number } {
  return { retentionMs: config.OUTBOX_RETENTION_HOURS * 3600_000, coalesceMs: config.OUTBOX_COALESCE_MS };
}

/** Brokers, SASL credentials and TLS of the service's Kafka client, from its configuration. */
export function kafkaConnectionOf(config: BaseServiceConfig, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): KafkaConnection {
  return {
    brokers: parseBrokerList(config.KAFKA_BROKERS),
    ...(config.KAFKA_USERNAME && config.KAFKA_PASSWORD
      ? { sasl: { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_USERNAME, password: config.KAFKA_PASSWORD } }
      : {}),
    ...(config.KAFKA_SSL ? { ssl: config.KAFKA_SSL_CA_FILE ? { ca: readFile(config.KAFKA_SSL_CA_FILE) } : true } : {}),
  };
}

/** `"a:9092, b:9092"` → `["a:9092", "b:9092"]`. */
export function parseBrokerList(brokers: string): string[] {
  return brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
}

export function jsonBudgetOf(config: BaseServiceConfig): JsonBudget {
  return { maxDepth: config.JSON_MAX_DEPTH, maxItems: config.JSON_MAX_ITEMS, maxStringBytes: config.JSON_MAX_STRING_BYTES };
}
