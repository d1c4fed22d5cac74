import { Injectable } from '@nestjs/common';
import { DossierReceived, type DossierReceivedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { AssessFeesUseCase } from '../usecases/assess-fees/assess-fees.usecase';

/** Every dossier the hub sees, whatever its channel (online intake and agency sync alike), gets its fees assessed. */
@Injectable()
export class DossierReceivedConsumer {
  constructor(private readonly assessFees: AssessFeesUseCase) {}

  @ConsumeEvent(DossierReceived)
  async handle(event: ConsumedEvent<DossierReceivedV1>, tx: EntityManager): Promise<void> {
    await this.assessFees.onDossierReceived(tx, event.payload);
  }
}
