import { Injectable } from '@nestjs/common';
import { DossierDueSoon, DossierNoticeIssued, DossierOverdue, DossierReceived, DossierStatusChanged, type EventDefinition } from '@hub/contracts';
import { OutboxWriter, outboxInsertFrom, type PreparedEvent } from '@hub/messaging';
import { jsonChunks, jsonChunksFrom, sendNow } from '@hub/persistence';
import type { EventTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { DossierEvent } from './domain/events';

/** The events this writer publishes, by domain event type (the standard's generator reads this map: see tools/standard wiring.ts). */
const PUBLISHED_EVENTS: { [K in DossierEvent['type']]: EventDefinition<Extract<DossierEvent, { type: K }>['payload']> } = {
  received: DossierReceived,
  'status-changed': DossierStatusChanged,
  'notice-issued': DossierNoticeIssued,
  'due-soon': DossierDueSoon,
  overdue: DossierOverdue,
};

function definitionOf(event: DossierEvent): EventDefinition<object> {
  return PUBLISHED_EVENTS[event.type] as EventDefinition<object>;
}

/** Prepared events of `count` JSON parameters of whole events (`jsonChunks`), in order. */
const preparedEvents = (count: number) => `
  SELECT (e->>'eventId')::uuid AS "eventId", e->>'topic' AS topic, e->>'key' AS key, e->'payload' AS payload, e->'headers' AS headers
    FROM ${jsonChunksFrom(1, count)}, jsonb_array_elements(chunk.rows) WITH ORDINALITY AS a(e, k) ORDER BY chunk.n, a.k`;

/** Turns a decision's events into outbox rows, in order. */
@Injectable()
export class DossierEventsWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Appends them inside the caller's transaction in ONE multi-row insert, whatever their number (a 1,000-record sync
   * appends 1,000 to 3,000 events): the rows are JSON parameters of whole events (`jsonChunks`), inserted in the order
   * given, so ids, and with them the relay's per-key order, follow the decisions. The statement is sent when built
   * (`sendNow`), behind those the caller sent before (the dossier rows), whose writing overlaps this building.
   */
  async append(tx: EntityManager, events: readonly DossierEvent[], trace: EventTrace): Promise<void> {
    if (events.length === 0) return;
    if (!tx.queryRunner?.isTransactionActive) throw new Error('DossierEventsWriter.append must run inside a transaction');
    const rows = this.prepare(events, trace).map(({ eventId, topic, key, payload, headers }) => ({ eventId, topic, key, payload, headers }));
    const chunks = jsonChunks(rows);
    await sendNow(tx, `WITH events AS (${preparedEvents(chunks.length)}) ${outboxInsertFrom('events')}`, chunks);
  }

  /** Validates and builds them for a repository statement that inserts them itself. */
  prepare(events: readonly DossierEvent[], trace: EventTrace): PreparedEvent[] {
    return events.map((event) => this.outbox.prepare(definitionOf(event), event.payload, trace));
  }
}
