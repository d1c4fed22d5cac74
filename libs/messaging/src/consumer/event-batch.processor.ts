import type { Logger } from '@nestjs/common';
import type { EventDefinition } from '@hub/contracts';
import { runWithContext } from '@hub/platform';
import type { KafkaMessage } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import { consumedEvents } from '../messaging.metrics';
import { backoff, type ConsumerOptions } from '../messaging.options';
import type { EventHandlerFn } from './consume-event.decorator';
import { decodeMessage, type ConsumedEvent, type DecodedMessage } from './consumed-event';
import type { DeadLetter } from './dead-letter.publisher';

export interface HandlerBinding {
  /** Inbox identity: a redelivered event is skipped per consumer. */
  consumer: string;
  definition: EventDefinition;
  handle: EventHandlerFn;
}

/** The slice of the data source the processor needs (a TypeORM DataSource fits). */
export interface TransactionalDatabase {
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
  query(sql: string): Promise<unknown>;
}

type Pending = { event: ConsumedEvent<object>; raw: KafkaMessage; failures: number; lastError?: string };

/**
 * Applies a chunk of one partition's messages in a single transaction (one savepoint per message),
 * then retries failures one by one with back-off. A key with a failed message is blocked for the rest
 * of the chunk so per-key order holds; a message that keeps failing is dead-lettered and its key
 * unblocked, so the partition never stalls. Errors outside handlers (database down) propagate: the
 * chunk is not acknowledged and is redelivered, and the inbox makes that harmless.
 */
export class EventBatchProcessor {
  constructor(
    private readonly binding: HandlerBinding,
    private readonly db: TransactionalDatabase,
    private readonly deadLetter: (letter: DeadLetter) => Promise<void>,
    private readonly options: ConsumerOptions,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async process(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    const decoded: DecodedMessage<object>[] = messages.map((m) => decodeMessage(this.binding.definition, topic, partition, m));
    const pending: Pending[] = [];
    const blocked = new Set<string>();
    const outcomes: ('applied' | 'duplicate')[] = [];
    await this.db.transaction(async (tx) => {
      for (const d of decoded) {
        if (d.kind === 'poison') continue;
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
          blocked.add(d.event.key);
          pending.push({ event: d.event, raw: d.raw, failures: 1, lastError: errorText(e) });
        }
      }
    });
    for (const outcome of outcomes) consumedEvents.inc({ topic, outcome });
    for (const d of decoded) {
      if (d.kind === 'poison') {
        this.logger.warn(`${this.binding.consumer}: dead-lettering ${topic}[${partition}]@${d.raw.offset}: ${d.reason} ${d.error}`);
        await this.deadLetter({ consumer: this.binding.consumer, topic, partition, message: d.raw, reason: d.reason, error: d.error });
        consumedEvents.inc({ topic, outcome: 'dead_lettered' });
      }
    }
    for (const p of pending) await this.retry(p, heartbeat);
  }

  private async retry(p: Pending, heartbeat: () => Promise<void>): Promise<void> {
    const { maxAttempts, initialBackoffMs, maxBackoffMs } = this.options;
    while (p.failures < maxAttempts) {
      if (p.failures > 0) await this.sleep(backoff(p.failures, initialBackoffMs, maxBackoffMs));
      await heartbeat();
      try {
        const outcome = await this.db.transaction((tx) => this.apply(tx, p.event));
        consumedEvents.inc({ topic: p.event.topic, outcome });
        return;
      } catch (e) {
        p.failures++;
        p.lastError = errorText(e);
        this.logger.warn(`${this.binding.consumer}: ${p.event.topic}@${p.event.offset} failed (attempt ${p.failures}/${maxAttempts}): ${p.lastError}`);
      }
    }
    // A database outage looks like a failing handler; it must stop the batch, not dead-letter it.
    await this.db.query('SELECT 1');
    this.logger.error(`${this.binding.consumer}: dead-lettering ${p.event.topic}@${p.event.offset} after ${maxAttempts} attempts`);
    await this.deadLetter({
      consumer: this.binding.consumer,
      topic: p.event.topic,
      partition: p.event.partition,
      message: p.raw,
      reason: 'HANDLER_FAILED',
      error: p.lastError ?? 'unknown error',
    });
    consumedEvents.inc({ topic: p.event.topic, outcome: 'dead_lettered' });
  }

  private async apply(tx: EntityManager, event: ConsumedEvent<object>): Promise<'applied' | 'duplicate'> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO inbox (consumer, event_id, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.binding.consumer, event.eventId, event.topic, event.partition, event.offset],
    );
    if (inserted.length === 0) return 'duplicate';
    await runWithContext({ correlationId: event.correlationId, causationId: event.eventId }, () => this.binding.handle(event, tx));
    return 'applied';
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
