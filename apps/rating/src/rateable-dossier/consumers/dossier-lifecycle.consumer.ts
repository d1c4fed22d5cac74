import { Injectable } from '@nestjs/common';
import { DossierReceived, DossierStatusChanged, type DossierReceivedV1, type DossierStatusChangedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { RecordRateableDossierUseCase } from '../usecases/record-rateable-dossier/record-rateable-dossier.usecase';

/** Every dossier the hub sees (any channel) and each of its status changes, applied only if newer. */
@Injectable()
export class DossierLifecycleConsumer {
  constructor(private readonly recordRateableDossier: RecordRateableDossierUseCase) {}

  @ConsumeEvent(DossierReceived)
  async received(event: ConsumedEvent<DossierReceivedV1>, tx: EntityManager): Promise<void> {
    await this.recordRateableDossier.track(tx, event.payload);
  }

  @ConsumeEvent(DossierStatusChanged)
  async statusChanged(event: ConsumedEvent<DossierStatusChangedV1>, tx: EntityManager): Promise<void> {
    await this.recordRateableDossier.track(tx, event.payload);
  }
}
