import { Injectable } from '@nestjs/common';
import { ProcedurePublished, type ProcedurePublishedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { ProcedureVersionRepository } from '../procedure-version.repository';

@Injectable()
export class ProcedurePublishedConsumer {
  constructor(private readonly versions: ProcedureVersionRepository) {}

  @ConsumeEvent(ProcedurePublished)
  async handle(event: ConsumedEvent<ProcedurePublishedV1>, tx: EntityManager): Promise<void> {
    await this.versions.insertVersion(tx, event.payload);
  }
}
