import { Injectable } from '@nestjs/common';
import type { PaymentSucceededV1 } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { contributionDelta, dossierContributions } from '../domain/contributions';
import { IndexFactsRepository } from '../store/index-facts.repository';

/** The first succeeded online payment of a dossier turns its online-payment contribution on (whatever the order of topics). */
@Injectable()
export class RecordPaymentUseCase {
  constructor(private readonly facts: IndexFactsRepository) {}

  async execute(tx: EntityManager, payment: PaymentSucceededV1): Promise<void> {
    await this.facts.lockDossier(tx, payment.dossierCode);
    if (!(await this.facts.markPaidOnline(tx, payment.dossierCode, payment.paymentId))) return;
    const dossier = await this.facts.findDossier(tx, payment.dossierCode);
    if (!dossier) return; // counted when the dossier arrives
    await this.facts.addToCounters(
      tx,
      contributionDelta(dossierContributions({ ...dossier, paidOnline: false }), dossierContributions({ ...dossier, paidOnline: true })),
    );
  }
}
