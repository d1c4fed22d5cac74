import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decodePayload, EventHeaders, type EventDefinition } from '@hub/contracts';
import { currentContext, newCorrelationId } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

export interface AppendedEvent {
  eventId: string;
  topic: string;
  key: string;
}

/**
 * Records an event in the outbox inside the caller's transaction, so the state change and the event
 * commit together. The relay publishes it after commit.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async append<P extends object>(tx: EntityManager, def: EventDefinition<P>, payload: P): Promise<AppendedEvent> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error(`OutboxWriter.append(${def.topic}) must run inside a transaction`);
    }
    // A producer bug must fail the use case, not poison every consumer downstream.
    const decoded = decodePayload(def, JSON.parse(JSON.stringify(payload)));
    if (!decoded.ok) {
      throw new Error(`Event ${def.topic} violates its contract: ${decoded.violations.map((v) => `${v.field}: ${v.message}`).join('; ')}`);
    }
    const ctx = currentContext();
    const eventId = randomUUID();
    const key = def.keyOf(payload);
    const headers: Record<string, string> = {
      [EventHeaders.EventId]: eventId,
      [EventHeaders.EventType]: def.type,
      [EventHeaders.EventVersion]: String(def.version),
      [EventHeaders.OccurredAt]: new Date().toISOString(),
      [EventHeaders.Producer]: this.options.service,
      [EventHeaders.CorrelationId]: ctx?.correlationId ?? newCorrelationId(),
    };
    if (ctx?.causationId) headers[EventHeaders.CausationId] = ctx.causationId;
    await tx.query('INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)', [
      eventId,
      def.topic,
      key,
      JSON.stringify(payload),
      JSON.stringify(headers),
    ]);
    return { eventId, topic: def.topic, key };
  }
}
