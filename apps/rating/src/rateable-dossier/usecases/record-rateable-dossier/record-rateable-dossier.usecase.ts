import { Injectable } from '@nestjs/common';
import type { DossierReceivedV1, DossierStatusChangedV1 } from '@hub/contracts';
import { Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { RateableDossierRepository } from '../../rateable-dossier.repository';

@Injectable()
export class RecordRateableDossierUseCase {
  constructor(
    private readonly dossiers: RateableDossierRepository,
    private readonly clock: Clock,
  ) {}

  /** dossier.received.v1 / dossier.status-changed.v1: the rating windows follow the latest status (2, 3, 5, 9/10). */
  async track(tx: EntityManager, events: readonly (DossierReceivedV1 | DossierStatusChangedV1)[]): Promise<void> {
    const now = this.clock.now();
    await this.dossiers.applyIfNewer(
      tx,
      events.map((event) => ({
        dossierCode: event.dossierCode,
        procedureCode: event.procedureCode,
        receivingAgencyCode: event.receivingAgencyCode,
        status: 'to' in event ? event.to : event.status,
        submittedAt: new Date(event.receivedAt),
        updatedAt: now,
        revision: event.revision,
      })),
    );
  }
}
