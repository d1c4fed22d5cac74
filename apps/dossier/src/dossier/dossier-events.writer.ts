import { Injectable } from '@nestjs/common';
import { DossierDueSoon, DossierNoticeIssued, DossierOverdue, DossierReceived, DossierStatusChanged, type EventDefinition } from '@hub/contracts';
import { OutboxWriter, type PreparedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import type { DossierEvent } from './domain/events';

const DEFINITIONS: { [K in DossierEvent['type']]: EventDefinition<Extract<DossierEvent, { type: K }>['payload']> } = {
  received: DossierReceived,
  'status-changed': DossierStatusChanged,
  'notice-issued': DossierNoticeIssued,
  'due-soon': DossierDueSoon,
  overdue: DossierOverdue,
};

function definitionOf(event: DossierEvent): EventDefinition<object> {
  return DEFINITIONS[event.type] as EventDefinition<object>;
}

/** Turns a decision's events into outbox rows, in order. */
@Injectable()
export class DossierEventsWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Appends them inside the caller's transaction. */
  async append(tx: EntityManager, events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) await this.outbox.append(tx, definitionOf(event), event.payload);
  }

  /** Validates and builds them for a repository statement that inserts them itself. */
  prepare(events: readonly DossierEvent[]): PreparedEvent[] {
    return events.map((event) => this.outbox.prepare(definitionOf(event), event.payload));
  }
}
