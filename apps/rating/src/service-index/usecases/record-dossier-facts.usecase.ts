import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { contributionDelta, dossierContributions, statusChangeContribution } from '../domain/contributions';
import { nextIndexedDossier, statusChangedAt, type DossierEvent } from '../domain/dossier-facts';
import { IndexFactsRepository } from '../store/index-facts.repository';

/**
 * Applies dossier.received / dossier.status-changed: the status change counts once for sync timeliness (in the
 * month it reached the hub), and the dossier's latest revision replaces its previous contribution to the counters.
 */
@Injectable()
export class RecordDossierFactsUseCase {
  constructor(private readonly facts: IndexFactsRepository) {}

  async execute(tx: EntityManager, event: DossierEvent, reachedHubAt: Date): Promise<void> {
    const p = event.payload;
    await this.facts.lockDossier(tx, p.dossierCode);
    const deltas = (await this.facts.firstStatusChange(tx, p.dossierCode, p.revision))
      ? [statusChangeContribution(p.receivingAgencyCode, statusChangedAt(event), reachedHubAt)]
      : [];
    const current = await this.facts.findDossier(tx, p.dossierCode);
    const next = nextIndexedDossier(current, event);
    if (next) {
      const paidOnline = await this.facts.isPaidOnline(tx, p.dossierCode);
      deltas.push(...contributionDelta(dossierContributions(current && { ...current, paidOnline }), dossierContributions({ ...next, paidOnline })));
      await this.facts.saveDossier(tx, next);
    }
    await this.facts.addToCounters(tx, deltas);
  }
}
