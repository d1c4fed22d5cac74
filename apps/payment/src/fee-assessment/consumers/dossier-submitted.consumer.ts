import { Injectable } from '@nestjs/common';
import { DossierSubmitted, type DossierSubmittedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { AssessFeesUseCase } from '../usecases/assess-fees/assess-fees.usecase';

@Injectable()
export class DossierSubmittedConsumer {
  constructor(private readonly assessFees: AssessFeesUseCase) {}

  @ConsumeEvent(DossierSubmitted)
  async handle(event: ConsumedEvent<DossierSubmittedV1>, tx: EntityManager): Promise<void> {
    await this.assessFees.onDossierSubmitted(tx, event.payload);
  }
}
