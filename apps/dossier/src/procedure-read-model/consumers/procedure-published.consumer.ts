import { Injectable } from '@nestjs/common';
import { ProcedurePublished, type ProcedurePublishedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { ProcedureSnapshotRepository } from '../procedure-snapshot.repository';

@Injectable()
export class ProcedurePublishedConsumer {
  constructor(private readonly snapshots: ProcedureSnapshotRepository) {}

  @ConsumeEvent(ProcedurePublished)
  async handle(event: ConsumedEvent<ProcedurePublishedV1>, tx: EntityManager): Promise<void> {
    await this.snapshots.upsertIfNewer(tx, event.payload, new Date(event.occurredAt));
  }
}
