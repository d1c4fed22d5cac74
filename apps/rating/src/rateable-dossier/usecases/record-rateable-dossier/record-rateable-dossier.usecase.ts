import { Injectable } from '@nestjs/common';
import type { DossierSubmittedV1 } from '@hub/contracts';
import { Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { RateableDossierRepository } from '../../rateable-dossier.repository';

@Injectable()
export class RecordRateableDossierUseCase {
  constructor(
    private readonly dossiers: RateableDossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, submitted: DossierSubmittedV1): Promise<void> {
    await this.dossiers.insertIfAbsent(tx, {
      dossierCode: submitted.dossierCode,
      procedureCode: submitted.procedureCode,
      receivingAgencyCode: submitted.receivingAgencyCode,
      status: submitted.status,
      submittedAt: new Date(submitted.submittedAt),
      updatedAt: this.clock.now(),
      revision: 0,
    });
  }
}
