import { Injectable } from '@nestjs/common';
import { DossierDueSoon, DossierNoticeIssued, DossierOverdue, DossierReceived, DossierStatusChanged } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import type { DossierEvent } from './domain/events';

/** Appends a decision's events to the outbox, in order, inside the caller's transaction. */
@Injectable()
export class DossierEventsWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async append(tx: EntityManager, events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'received':
          await this.outbox.append(tx, DossierReceived, event.payload);
          break;
        case 'status-changed':
          await this.outbox.append(tx, DossierStatusChanged, event.payload);
          break;
        case 'notice-issued':
          await this.outbox.append(tx, DossierNoticeIssued, event.payload);
          break;
        case 'due-soon':
          await this.outbox.append(tx, DossierDueSoon, event.payload);
          break;
        case 'overdue':
          await this.outbox.append(tx, DossierOverdue, event.payload);
          break;
      }
    }
  }
}
