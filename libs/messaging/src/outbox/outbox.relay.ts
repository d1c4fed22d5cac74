import { Inject, Injectable, Logger } from '@nestjs/common';
import { PgNotifications, queryPrepared } from '@hub/persistence';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KafkaClient } from '../kafka/kafka.client';
import { outboxOldestPendingSeconds, outboxParked, outboxPublished, outboxPublishFailures, outboxSizeRefusals } from '../messaging.metrics';
import { backoff, DEFAULT_RELAY_OPTIONS, MESSAGING_OPTIONS, type MessagingOptions, type RelayOptions } from '../messaging.options';
import { CLAIM_SQL, groupByTopic, rowBytes, rowsLeftBehind, toClaim, withinBytes, type OutboxRow } from './relay-batch';
import { RelayProducer, tooLargeReason } from './relay-producer';

/** What one claimed batch came to: rows now on Kafka, rows parked (with why), and the failure that stopped it. */
interface SendOutcome {
  published: OutboxRow[];
  parked: Array<{ row: OutboxRow; reason: string }>;
  failure?: Error;
}

/** What one cycle came to: rows published or parked, and whether rows may still wait (the next cycle starts at once). */
interface CycleOutcome {
  done: number;
  more: boolean;
}

// Batches are serialised across relay instances with this lock, which keeps per-key order;
// FOR UPDATE SKIP LOCKED additionally guarantees no row is claimed twice.
const RELAY_LOCK_KEY = 4_711_002;
const PRUNE_EVERY_MS = 3600_000;
/**
 * What becomes of a row once Kafka has it. By default it is deleted: a delete writes ~50 bytes of WAL and no index
 * entry, where marking it published wrote a new version of the whole row (its payload and headers, ~1 KB for an
 * intake's event) and an entry in each of its indexes, and the prune deleted it again later (`docs/performance.md`).
 * With `retentionMs` > 0 the row is marked and kept that long, then pruned.
 *
 * Not a prepared statement: planned at each cycle for the table as it is then. A prepared one kept the generic plan
 * made while the outbox looked empty, a sequential scan, and ran it over a table of hundreds of pages of deleted rows
 * (between two vacuums) at every cycle under load: 1 ms and more, against ~4 µs a row by the primary key.
 */
const REMOVE_SQL = 'DELETE FROM outbox WHERE id = ANY($1)';
const MARK_SQL = 'UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1)';

/**
 * Publishes committed outbox rows to Kafka in batches, and deletes them once sent (or marks them, see
 * `RelayOptions.retentionMs`). Wakes on NOTIFY (sent by the insert trigger at commit), with a slow poll as fallback.
 * At-least-once: a crash between send and delete re-sends, and consumers' inboxes drop the duplicate.
 *
 * Batches are bounded in rows (`batchSize`) and in bytes (`maxBatchBytes`, keys + values + headers). If the broker
 * still refuses a batch for its size (a topic whose `max.message.bytes` is below the bound), the batch is split in
 * halves, each sent in order; a single event the broker refuses is parked (`parked_at`, `parked_reason`, a warning
 * and `hub_outbox_parked_total`) and later events, of its key too, go on.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly options: RelayOptions;
  /** Ends the subscription to `outbox` notifications (the process's one LISTEN connection, `PgNotifications`). */
  private unsubscribe?: () => void;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A NOTIFY that arrived while a batch was in flight: the next sleep returns at once. */
  private wakeRequested = false;
  private failures = 0;
  private lastPrune = 0;
  private readonly producer: RelayProducer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    kafka: KafkaClient,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    private readonly notifications: PgNotifications,
  ) {
    this.options = { ...DEFAULT_RELAY_OPTIONS, ...messaging.relay };
    this.producer = new RelayProducer(kafka.kafka);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // A commit notifies at its end (the insert trigger); while LISTEN is down, the poll (`pollIntervalMs`) finds it.
    this.unsubscribe = this.notifications.subscribe('outbox', { notified: () => this.requestWake(), listening: () => this.requestWake() });
    this.loop = this.run();
  }

  /**
   * Stops the loop after a last attempt to publish what is committed (bounded by the caller's timeout), then closes
   * the producer: also when the loop never ran and only `drain` sent, which otherwise left its connection open.
   */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      this.requestWake();
      await this.loop;
      await this.publishBatch().catch(() => 0);
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    }
    await this.producer.close();
  }

  /** Publishes until the outbox is empty; returns how many rows it published or parked. For tests and shutdown. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { done } = await this.publishBatch();
      total += done;
      if (done === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      // A NOTIFY that arrived before this cycle's claim is for a commit the claim sees: only one arriving later needs
      // another cycle (a notification reaches the listener only once its transaction is visible).
      this.wakeRequested = false;
      try {
        ({ more } = await this.publishBatch());
        this.failures = 0;
        await this.pruneIfDue();
      } catch (e) {
        this.failures++;
        this.logger.warn(`publishing failed (attempt ${this.failures}): ${(e as Error).message}`);
        await this.sleep(backoff(this.failures, 200, this.options.maxBackoffMs));
        continue;
      }
      // Nothing left behind (the claim saw every pending row and the batch took them all): sleep until a NOTIFY or the
      // poll, rather than run a claim that would find nothing; a commit during the batch has already asked for the next
      // cycle (`wakeRequested`). Woken by a commit, wait coalesceMs so a burst of commits shares one claim/produce/mark cycle.
      if (!more && (await this.sleep(this.options.pollIntervalMs)) && this.options.coalesceMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.options.coalesceMs));
      }
    }
  }

  private async publishBatch(): Promise<CycleOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const { locked, rows: claimed } = toClaim(await queryPrepared(runner, 'hub_outbox_claim', CLAIM_SQL, [this.options.batchSize, RELAY_LOCK_KEY]));
      const rows = withinBytes(claimed, this.options.maxBatchBytes);
      if (rows.length === 0) {
        await runner.commitTransaction();
        if (locked) outboxOldestPendingSeconds.set(0);
        return { done: 0, more: false };
      }
      const outcome: SendOutcome = { published: [], parked: [] };
      await this.sendSplitting(rows, outcome);
      if (outcome.published.length > 0) {
        await runner.query(this.options.retentionMs > 0 ? MARK_SQL : REMOVE_SQL, [outcome.published.map((r) => r.id)]);
      }
      for (const { row, reason } of outcome.parked) {
        await runner.query('UPDATE outbox SET parked_at = now(), parked_reason = $2, attempts = attempts + 1 WHERE id = $1', [row.id, reason]);
      }
      await runner.commitTransaction();
      for (const row of outcome.published) outboxPublished.inc({ topic: row.topic });
      for (const { row, reason } of outcome.parked) {
        outboxParked.inc({ topic: row.topic });
        this.logger.warn(`event ${row.headers['event-id'] ?? row.id} on ${row.topic} (key ${row.key}, ${rowBytes(row)} bytes) parked: ${reason}`);
      }
      const done = outcome.published.length + outcome.parked.length;
      if (outcome.failure) {
        outboxPublishFailures.inc();
        const handled = new Set([...outcome.published, ...outcome.parked.map((p) => p.row)]);
        await this.recordFailure(rows.filter((r) => !handled.has(r)), outcome.failure);
        throw outcome.failure;
      }
      const more = rowsLeftBehind(claimed.length, rows.length, this.options.batchSize);
      if (more) outboxOldestPendingSeconds.set((Date.now() - new Date(rows[rows.length - 1].created_at).getTime()) / 1000);
      else outboxOldestPendingSeconds.set(0);
      return { done, more };
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /**
   * Sends `rows` in order; on a size refusal sends each half in turn (the producer renewed first, see
   * RelayProducer), down to one event, which is parked. Any other failure stops at once, recorded in `outcome`.
   */
  private async sendSplitting(rows: OutboxRow[], outcome: SendOutcome): Promise<void> {
    if (outcome.failure) return;
    try {
      await this.producer.send(groupByTopic(rows));
      outcome.published.push(...rows);
      return;
    } catch (e) {
      const reason = tooLargeReason(e);
      if (!reason) {
        outcome.failure = e as Error;
        return;
      }
      outboxSizeRefusals.inc();
      await this.producer.renew();
      if (rows.length === 1) {
        outcome.parked.push({ row: rows[0], reason: `${reason}: the broker refused this event (${rowBytes(rows[0])} bytes) for its size` });
        return;
      }
    }
    const half = Math.ceil(rows.length / 2);
    await this.sendSplitting(rows.slice(0, half), outcome);
    await this.sendSplitting(rows.slice(half), outcome);
  }

  private async recordFailure(rows: OutboxRow[], error: Error): Promise<void> {
    await this.dataSource
      .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)', [rows.map((r) => r.id), error.message.slice(0, 1000)])
      .catch(() => undefined);
  }

  private async pruneIfDue(): Promise<void> {
    if (this.options.retentionMs <= 0 || Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)`, [this.options.retentionMs / 1000]);
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
