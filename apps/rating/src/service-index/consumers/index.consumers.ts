import { Injectable } from '@nestjs/common';
import {
  AgencyUpserted,
  DossierReceived,
  DossierStatusChanged,
  PaymentSucceeded,
  ProcedurePublished,
  RatingGiven,
  type AgencyUpsertedV1,
  type DossierReceivedV1,
  type DossierStatusChangedV1,
  type PaymentSucceededV1,
  type ProcedurePublishedV1,
  type RatingGivenV1,
} from '@hub/contracts';
import { ConsumeEvent, ConsumeEventBatch, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { RecordRateableDossierUseCase } from '../../rateable-dossier/usecases/record-rateable-dossier/record-rateable-dossier.usecase';
import { RecordAgencyUseCase, RecordProcedureVersionUseCase } from '../usecases/record-catalogue.usecases';
import { RecordDossierFactsUseCase } from '../usecases/record-dossier-facts.usecase';
import { RecordPaymentUseCase } from '../usecases/record-payment.usecase';
import { RecordRatingGivenUseCase } from '../usecases/record-rating-given.usecase';

/**
 * Dossier events (one handler per topic in the service) feed both the rating windows and the index, in one
 * transaction per consumer chunk, a few multi-row statements for the whole chunk; `occurredAt` (when the hub
 * recorded the change) is when it reached the hub. The method names are the inbox identities: keep them.
 */
@Injectable()
export class DossierLifecycleConsumer {
  constructor(
    private readonly rateable: RecordRateableDossierUseCase,
    private readonly index: RecordDossierFactsUseCase,
  ) {}

  @ConsumeEventBatch(DossierReceived)
  async received(events: ConsumedEvent<DossierReceivedV1>[], tx: EntityManager): Promise<void> {
    await this.rateable.track(tx, events.map((e) => e.payload));
    await this.index.execute(tx, events.map((e) => ({ event: { kind: 'received', payload: e.payload }, reachedHubAt: new Date(e.occurredAt) })));
  }

  @ConsumeEventBatch(DossierStatusChanged)
  async statusChanged(events: ConsumedEvent<DossierStatusChangedV1>[], tx: EntityManager): Promise<void> {
    await this.rateable.track(tx, events.map((e) => e.payload));
    await this.index.execute(tx, events.map((e) => ({ event: { kind: 'status-changed', payload: e.payload }, reachedHubAt: new Date(e.occurredAt) })));
  }
}

@Injectable()
export class IndexPaymentConsumer {
  constructor(private readonly record: RecordPaymentUseCase) {}

  @ConsumeEvent(PaymentSucceeded)
  async handle(event: ConsumedEvent<PaymentSucceededV1>, tx: EntityManager): Promise<void> {
    await this.record.execute(tx, event.payload);
  }
}

@Injectable()
export class IndexRatingConsumer {
  constructor(private readonly record: RecordRatingGivenUseCase) {}

  @ConsumeEvent(RatingGiven)
  async handle(event: ConsumedEvent<RatingGivenV1>, tx: EntityManager): Promise<void> {
    await this.record.execute(tx, event.payload);
  }
}

@Injectable()
export class IndexCatalogueConsumer {
  constructor(
    private readonly procedures: RecordProcedureVersionUseCase,
    private readonly agencies: RecordAgencyUseCase,
  ) {}

  @ConsumeEvent(ProcedurePublished)
  async procedurePublished(event: ConsumedEvent<ProcedurePublishedV1>, tx: EntityManager): Promise<void> {
    await this.procedures.execute(tx, event.payload);
  }

  @ConsumeEvent(AgencyUpserted)
  async agencyUpserted(event: ConsumedEvent<AgencyUpsertedV1>, tx: EntityManager): Promise<void> {
    await this.agencies.execute(tx, event.payload);
  }
}
