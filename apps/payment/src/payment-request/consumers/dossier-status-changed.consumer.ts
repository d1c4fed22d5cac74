import { Injectable } from '@nestjs/common';
import { DossierStatusChanged, type DossierStatusChangedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { OpenPaymentRequestUseCase } from '../usecases/open-request/open-request.usecase';

/** A dossier entering status 6 (financial obligation) with its synced fee lines opens a payment request. */
@Injectable()
export class DossierStatusChangedConsumer {
  constructor(private readonly openRequest: OpenPaymentRequestUseCase) {}

  @ConsumeEvent(DossierStatusChanged)
  async handle(event: ConsumedEvent<DossierStatusChangedV1>, tx: EntityManager): Promise<void> {
    await this.openRequest.fromStatusChange(tx, event.payload);
  }
}
