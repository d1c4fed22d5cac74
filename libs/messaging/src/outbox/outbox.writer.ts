import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decodePayload, EventHeaders, fastValidInstance, type EventDefinition } from '@hub/contracts';
import type { EventTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

export interface AppendedEvent {
  eventId: string;
  topic: string;
  key: string;
}

/** An outbox row built and validated in memory, for a repository that inserts it in its own statement. */
export interface PreparedEvent extends AppendedEvent {
  payload: object;
  headers: Record<string, string>;
}

/**
 * Records an event in the outbox inside the caller's transaction, so the state change and the event
 * commit together. The relay publishes it after commit. `trace` is the work's origin (the request's `@Trace()`, a
 * consumed event's `traceOf(event)`, a job's `newTrace()`): its correlation and causation ids go in the envelope.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async append<P extends object>(tx: EntityManager, def: EventDefinition<P>, payload: P, trace: EventTrace): Promise<AppendedEvent> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error(`OutboxWriter.append(${def.topic}) must run inside a transaction`);
    }
    const event = this.prepare(def, payload, trace);
    await tx.query('INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)', [
      event.eventId,
      event.topic,
      event.key,
      JSON.stringify(event.payload),
      JSON.stringify(event.headers),
    ]);
    return { eventId: event.eventId, topic: event.topic, key: event.key };
  }

  /**
   * Validates the payload against its contract and builds the outbox row (id, key, envelope headers) without
   * writing it. The caller must insert it (see `outboxInsertFrom`) in the same transaction as the state
   * change: a hot write path then costs one statement instead of one per event.
   */
  prepare<P extends object>(def: EventDefinition<P>, payload: P, trace: EventTrace): PreparedEvent {
    // A producer bug must fail the use case, not poison every consumer downstream. What is stored is the contract's
    // instance, as a consumer will read it: a payload of plain JSON values is checked as it is (the fast path), anything
    // else (a Date, an undefined member) is first written and read back as JSON.
    const fast = fastValidInstance(def.payload, payload, 'strip');
    const decoded = fast ? { ok: true as const, value: fast } : decodePayload(def, JSON.parse(JSON.stringify(payload)));
    if (!decoded.ok) {
      throw new Error(`Event ${def.topic} violates its contract: ${decoded.violations.map((v) => `${v.field}: ${v.message}`).join('; ')}`);
    }
    const eventId = randomUUID();
    const headers: Record<string, string> = {
      [EventHeaders.EventId]: eventId,
      [EventHeaders.EventType]: def.type,
      [EventHeaders.EventVersion]: String(def.version),
      [EventHeaders.OccurredAt]: new Date().toISOString(),
      [EventHeaders.Producer]: this.options.service,
      [EventHeaders.CorrelationId]: trace.correlationId,
    };
    if (trace.causationId) headers[EventHeaders.CausationId] = trace.causationId;
    return { eventId, topic: def.topic, key: def.keyOf(payload), payload: decoded.value, headers };
  }
}

/**
 * The outbox insert for a repository's own statement: `relation` (a CTE name or a subquery in parentheses)
 * yields prepared events as columns "eventId", topic, key, payload (jsonb) and headers (jsonb).
 */
export function outboxInsertFrom(relation: string): string {
  return `INSERT INTO outbox (event_id, topic, key, payload, headers) SELECT "eventId", topic, key, payload, headers FROM ${relation}`;
}
