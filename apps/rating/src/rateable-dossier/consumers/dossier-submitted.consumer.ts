import { Injectable } from '@nestjs/common';
import { DossierSubmitted, type DossierSubmittedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { RecordRateableDossierUseCase } from '../usecases/record-rateable-dossier/record-rateable-dossier.usecase';

@Injectable()
export class DossierSubmittedConsumer {
  constructor(private readonly recordRateableDossier: RecordRateableDossierUseCase) {}

  @ConsumeEvent(DossierSubmitted)
  async handle(event: ConsumedEvent<DossierSubmittedV1>, tx: EntityManager): Promise<void> {
    await this.recordRateableDossier.execute(tx, event.payload);
  }
}
