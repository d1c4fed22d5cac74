import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { KafkaClient } from '../kafka/kafka.client';
import { outboxOldestPendingSeconds, outboxPublished, outboxPublishFailures } from '../messaging.metrics';
import { backoff, DEFAULT_RELAY_OPTIONS, MESSAGING_OPTIONS, type MessagingOptions, type RelayOptions } from '../messaging.options';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
  created_at: Date;
}

// Batches are serialised across relay instances with this lock, which keeps per-key order;
// FOR UPDATE SKIP LOCKED additionally guarantees no row is claimed twice.
const RELAY_LOCK_KEY = 4_711_002;
const PRUNE_EVERY_MS = 3600_000;

/**
 * Publishes committed outbox rows to Kafka in batches. Wakes on NOTIFY (sent by the insert trigger
 * at commit), with a slow poll as fallback. At-least-once: a crash between send and mark re-sends,
 * and consumers' inboxes drop the duplicate.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly options: RelayOptions;
  private listener?: Client;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A NOTIFY that arrived while a batch was in flight: the next sleep returns at once. */
  private wakeRequested = false;
  private failures = 0;
  private lastPrune = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaClient,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_RELAY_OPTIONS, ...messaging.relay };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  /** Stops the loop after a last attempt to publish what is committed (bounded by the caller's timeout). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.requestWake();
    await this.loop;
    await this.publishBatch().catch(() => 0);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Publishes until the outbox is empty; returns how many rows it published. For tests and shutdown. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.options.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        await this.kafka.connectProducer();
        published = await this.publishBatch();
        this.failures = 0;
        await this.pruneIfDue();
      } catch (e) {
        this.failures++;
        this.logger.warn(`publishing failed (attempt ${this.failures}): ${(e as Error).message}`);
        await this.sleep(backoff(this.failures, 200, this.options.maxBackoffMs));
        continue;
      }
      if (published < this.options.batchSize && (await this.sleep(this.options.pollIntervalMs)) && this.options.coalesceMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.options.coalesceMs));
      }
    }
  }

  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!locked) {
        await runner.commitTransaction();
        return 0;
      }
      const rows: OutboxRow[] = await runner.query(
        `SELECT id, topic, key, payload, headers, created_at FROM outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (rows.length === 0) {
        await runner.commitTransaction();
        outboxOldestPendingSeconds.set(0);
        return 0;
      }
      try {
        await this.kafka.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
      } catch (e) {
        await runner.rollbackTransaction();
        outboxPublishFailures.inc();
        await this.recordFailure(rows, e as Error);
        throw e;
      }
      await runner.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1)', [rows.map((r) => r.id)]);
      await runner.commitTransaction();
      for (const row of rows) outboxPublished.inc({ topic: row.topic });
      if (rows.length === this.options.batchSize) outboxOldestPendingSeconds.set((Date.now() - new Date(rows[rows.length - 1].created_at).getTime()) / 1000);
      else outboxOldestPendingSeconds.set(0);
      return rows.length;
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  private async recordFailure(rows: OutboxRow[], error: Error): Promise<void> {
    await this.dataSource
      .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)', [rows.map((r) => r.id), error.message.slice(0, 1000)])
      .catch(() => undefined);
  }

  private async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)`, [this.options.retentionMs / 1000]);
  }

  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as PostgresConnectionOptions;
    while (this.running && !this.listener) {
      const client = new Client({ connectionString: url });
      try {
        await client.connect();
        client.on('notification', () => this.requestWake());
        client.on('error', (e) => {
          this.logger.warn(`LISTEN connection lost: ${e.message}`);
          this.listener = undefined;
          void client.end().catch(() => undefined);
          if (this.running) setTimeout(() => void this.listen(), 1000);
        });
        await client.query('LISTEN outbox');
        this.listener = client;
      } catch (e) {
        await client.end().catch(() => undefined);
        this.logger.warn(`LISTEN failed, polling only for now: ${(e as Error).message}`);
        await this.sleep(this.options.pollIntervalMs);
      }
    }
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  /** Resolves true when woken (a NOTIFY, or stop), false when `ms` passed. */
  private sleep(ms: number): Promise<boolean> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.wake = undefined;
        this.wakeRequested = false;
        resolve(woken);
      };
      const timer = setTimeout(() => done(false), ms);
      this.wake = () => done(true);
    });
  }
}

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: JSON.stringify(row.payload), headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
