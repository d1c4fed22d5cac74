import type { Logger } from '@nestjs/common';
import type { EventDefinition } from '@hub/contracts';
import { AppError, type ConsumerDisposition } from '@hub/platform';
import type { KafkaMessage } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import { consumedEvents } from '../messaging.metrics';
import { backoff, type ConsumerOptions } from '../messaging.options';
import type { EventBatchHandlerFn, EventHandlerFn } from './consume-event.decorator';
import { decodeMessage, type ConsumedEvent, type DecodedMessage } from './consumed-event';
import type { DeadLetter } from './dead-letter.publisher';
import { SnapshotConflictError } from './snapshot-conflict';

export interface HandlerBinding {
  /** Inbox identity: a redelivered event is skipped per consumer. */
  consumer: string;
  definition: EventDefinition;
  handle: EventHandlerFn;
  /** Set for `@ConsumeEventBatch`: the chunk's new events in one call (`handle` then applies one). */
  handleBatch?: EventBatchHandlerFn;
}

/** The slice of the data source the processor needs (a TypeORM DataSource fits). */
export interface TransactionalDatabase {
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
  query(sql: string): Promise<unknown>;
}

/** Classifies a handler error once (see `consumerDispositionOf`); the default retries everything. */
export type ErrorClassifier = (error: unknown) => ConsumerDisposition;

type Pending = { event: ConsumedEvent<object>; raw: KafkaMessage; failures: number; lastError?: string };
type DecodedEvent = Extract<DecodedMessage<object>, { kind: 'event' }>;
type Outcome = 'applied' | 'duplicate';

/**
 * Applies a chunk of one partition's messages in a single transaction; if a handler fails, the chunk is
 * applied again with one savepoint per message, then failures are retried one by one with back-off. A key with a failed message is blocked for the rest
 * of the chunk so per-key order holds; a message that keeps failing is dead-lettered and its key
 * unblocked, so the partition never stalls. A handler error classified 'dead-letter' (a business rejection that no
 * retry can change) is parked at once with its code as the reason. Errors outside handlers (database down)
 * propagate: the chunk is not acknowledged and is redelivered, and the inbox makes that harmless.
 */
export class EventBatchProcessor {
  constructor(
    private readonly binding: HandlerBinding,
    private readonly db: TransactionalDatabase,
    private readonly deadLetter: (letter: DeadLetter) => Promise<void>,
    private readonly options: ConsumerOptions,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    classify: ErrorClassifier = () => 'retry',
  ) {
    // A conflicting snapshot is never retried, whatever the app's map says.
    this.classify = (e) => (e instanceof SnapshotConflictError ? 'dead-letter' : classify(e));
  }

  private readonly classify: ErrorClassifier;

  async process(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    const decoded: DecodedMessage<object>[] = messages.map((m) => decodeMessage(this.binding.definition, topic, partition, m));
    const events = decoded.flatMap((d) => (d.kind === 'event' ? [d] : []));
    const outcomes = (await this.applyAllAtOnce(events)) ?? (await this.applyOneByOne(events, heartbeat));
    for (const outcome of outcomes) consumedEvents.inc({ topic, outcome });
    for (const d of decoded) {
      if (d.kind === 'poison') {
        this.logger.warn(`${this.binding.consumer}: dead-lettering ${topic}[${partition}]@${d.raw.offset}: ${d.reason} ${d.error}`);
        await this.deadLetter({ consumer: this.binding.consumer, topic, partition, message: d.raw, reason: d.reason, error: d.error });
        consumedEvents.inc({ topic, outcome: 'dead_lettered' });
      }
    }
  }

  /**
   * The common case: one inbox insert for the whole chunk, then the handlers, in one transaction.
   * Returns undefined if anything failed; the chunk is then rolled back and applied one by one.
   */
  private async applyAllAtOnce(events: DecodedEvent[]): Promise<Outcome[] | undefined> {
    if (events.length === 0) return [];
    try {
      return await this.db.transaction(async (tx) => {
        const fresh = await this.claimInbox(tx, events);
        const outcomes: Outcome[] = [];
        const toApply: ConsumedEvent<object>[] = [];
        for (const { event } of events) {
          // Delete as we go: the same event twice in one chunk is applied once.
          if (!fresh.delete(event.eventId)) {
            outcomes.push('duplicate');
            continue;
          }
          toApply.push(event);
          outcomes.push('applied');
        }
        const batch = this.binding.handleBatch;
        if (batch && toApply.length > 0) {
          await batch(toApply, tx);
        } else {
          for (const event of toApply) await this.runHandler(tx, event);
        }
        return outcomes;
      });
    } catch {
      return undefined;
    }
  }

  /** One savepoint per message, so a failing handler loses only its own message; then retries with back-off. */
  private async applyOneByOne(events: DecodedEvent[], heartbeat: () => Promise<void>): Promise<Outcome[]> {
    const pending: Pending[] = [];
    const rejected: { event: ConsumedEvent<object>; raw: KafkaMessage; error: unknown }[] = [];
    const blocked = new Set<string>();
    const outcomes: Outcome[] = [];
    await this.db.transaction(async (tx) => {
      for (const d of events) {
        if (blocked.has(d.event.key)) {
          pending.push({ event: d.event, raw: d.raw, failures: 0 });
          continue;
        }
        await tx.query('SAVEPOINT hub_event');
        try {
          outcomes.push(await this.apply(tx, d.event));
          await tx.query('RELEASE SAVEPOINT hub_event');
        } catch (e) {
          await tx.query('ROLLBACK TO SAVEPOINT hub_event');
          if (this.classify(e) === 'dead-letter') {
            // Parked, so it no longer holds back the messages of its key.
            rejected.push({ event: d.event, raw: d.raw, error: e });
            continue;
          }
          blocked.add(d.event.key);
          pending.push({ event: d.event, raw: d.raw, failures: 1, lastError: errorText(e) });
        }
      }
    });
    for (const r of rejected) await this.reject(r.event, r.raw, r.error);
    for (const p of pending) {
      const outcome = await this.retry(p, heartbeat);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  private async retry(p: Pending, heartbeat: () => Promise<void>): Promise<Outcome | undefined> {
    const { maxAttempts, initialBackoffMs, maxBackoffMs } = this.options;
    while (p.failures < maxAttempts) {
      if (p.failures > 0) await this.sleep(backoff(p.failures, initialBackoffMs, maxBackoffMs));
      await heartbeat();
      try {
        return await this.db.transaction((tx) => this.apply(tx, p.event));
      } catch (e) {
        if (this.classify(e) === 'dead-letter') {
          await this.reject(p.event, p.raw, e);
          return undefined;
        }
        p.failures++;
        p.lastError = errorText(e);
        this.logger.warn({ msg: `${this.binding.consumer}: ${p.event.topic}@${p.event.offset} failed (attempt ${p.failures}/${maxAttempts}): ${p.lastError}`, ...logFieldsOf(p.event) });
      }
    }
    // A database outage looks like a failing handler; it must stop the batch, not dead-letter it.
    await this.db.query('SELECT 1');
    this.logger.error({ msg: `${this.binding.consumer}: dead-lettering ${p.event.topic}@${p.event.offset} after ${maxAttempts} attempts`, ...logFieldsOf(p.event) });
    await this.deadLetter({
      consumer: this.binding.consumer,
      topic: p.event.topic,
      partition: p.event.partition,
      message: p.raw,
      reason: 'HANDLER_FAILED',
      error: p.lastError ?? 'unknown error',
    });
    consumedEvents.inc({ topic: p.event.topic, outcome: 'dead_lettered' });
    return undefined;
  }

  /** Dead-letters a message whose handler refused it for good, with the error's code as the reason. */
  private async reject(event: ConsumedEvent<object>, raw: KafkaMessage, error: unknown): Promise<void> {
    const reason = error instanceof AppError ? error.code : 'HANDLER_FAILED';
    this.logger.warn({ msg: `${this.binding.consumer}: dead-lettering ${event.topic}@${event.offset} at once: ${reason} ${errorText(error)}`, ...logFieldsOf(event) });
    await this.deadLetter({ consumer: this.binding.consumer, topic: event.topic, partition: event.partition, message: raw, reason, error: errorText(error) });
    consumedEvents.inc({ topic: event.topic, outcome: 'dead_lettered' });
  }

  private async apply(tx: EntityManager, event: ConsumedEvent<object>): Promise<Outcome> {
    const fresh = await this.claimInbox(tx, [{ event }]);
    if (fresh.size === 0) return 'duplicate';
    await this.runHandler(tx, event);
    return 'applied';
  }

  /** Records the events as applied by this consumer; returns the ids that were not recorded before. */
  private async claimInbox(tx: EntityManager, events: { event: ConsumedEvent<object> }[]): Promise<Set<string>> {
    const { topic, partition } = events[0].event;
    const rows: { event_id: string }[] = await tx.query(
      `INSERT INTO inbox (consumer, event_id, topic, partition, "offset")
       SELECT $1, e.id, $2, $3, e.off FROM unnest($4::uuid[], $5::bigint[]) AS e(id, off)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.binding.consumer, topic, partition, events.map((e) => e.event.eventId), events.map((e) => e.event.offset)],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  private runHandler(tx: EntityManager, event: ConsumedEvent<object>): Promise<void> {
    return this.binding.handle(event, tx);
  }
}

/** A line about one event names its correlation and id, as a request's line names its correlation. */
function logFieldsOf(event: ConsumedEvent<object>): { correlationId: string; eventId: string } {
  return { correlationId: event.correlationId, eventId: event.eventId };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
