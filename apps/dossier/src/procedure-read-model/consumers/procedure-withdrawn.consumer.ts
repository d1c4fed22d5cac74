import { Injectable } from '@nestjs/common';
import { ProcedureWithdrawn, type ProcedureWithdrawnV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { ProcedureVersionRepository } from '../procedure-version.repository';

@Injectable()
export class ProcedureWithdrawnConsumer {
  constructor(private readonly versions: ProcedureVersionRepository) {}

  @ConsumeEvent(ProcedureWithdrawn)
  async handle(event: ConsumedEvent<ProcedureWithdrawnV1>, tx: EntityManager): Promise<void> {
    await this.versions.recordWithdrawal(tx, event.payload);
  }
}
