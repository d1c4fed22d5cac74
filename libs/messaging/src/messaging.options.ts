export interface MessagingOptions {
  /** Service name: Kafka client id, `producer` header, default consumer group. */
  service: string;
  brokers: string[];
  /** The service's own principal (SASL/SCRAM); unset against a broker without authentication. */
  sasl?: { mechanism: 'scram-sha-512' | 'scram-sha-256'; username: string; password: string };
  /** TLS to the broker; `{ ca }` for a private CA. */
  ssl?: boolean | { ca: string };
  /** Consumer group; defaults to the service name. */
  groupId?: string;
  /** Partitions and replication for topics this service creates at start-up. */
  topicPartitions?: number;
  topicReplicationFactor?: number;
  relay?: Partial<RelayOptions>;
  consumer?: Partial<ConsumerOptions>;
}

export interface RelayOptions {
  /** Rows claimed and published per batch. */
  batchSize: number;
  /**
   * Bytes (keys + values + headers) sent per batch: below Kafka's default `message.max.bytes` (1 MiB per
   * partition batch) so that a batch is never refused for its size by a broker with default limits.
   */
  maxBatchBytes: number;
  /** Fallback poll when no NOTIFY arrives (missed notification, listener reconnecting). */
  pollIntervalMs: number;
  /**
   * 0 (the default): a row is deleted as soon as Kafka has its event (the topic is where events are replayed from).
   * More: the row is marked published and kept this long, then deleted (an outbox that doubles as a local audit of
   * what was sent, at the cost of rewriting each row once more).
   */
  retentionMs: number;
  maxBackoffMs: number;
  /**
   * After a NOTIFY wakes it, the relay waits this long before claiming, so the commits that land meanwhile share one
   * claim / produce / delete cycle instead of one cycle each. 0 claims at once. A cycle costs about the same for one
   * event as for twenty (round trips to PostgreSQL and Kafka, each waking a process), so the default, 25 ms, trades
   * that much delay of an event on its way to Kafka for less CPU per intake (`docs/performance.md`, "The relay waits
   * 25 ms"). Services take it from `OUTBOX_COALESCE_MS`.
   */
  coalesceMs: number;
}

export interface ConsumerOptions {
  /** Messages applied per database transaction. */
  chunkSize: number;
  /** Attempts of a failing handler before its message is parked on the dead-letter topic. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  batchSize: 500,
  maxBatchBytes: 900_000,
  pollIntervalMs: 1000,
  retentionMs: 0,
  maxBackoffMs: 10_000,
  coalesceMs: 25,
};

export const DEFAULT_CONSUMER_OPTIONS: ConsumerOptions = {
  chunkSize: 100,
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 5_000,
  partitionsConsumedConcurrently: 3,
  sessionTimeoutMs: 15_000,
};

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export function backoff(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

