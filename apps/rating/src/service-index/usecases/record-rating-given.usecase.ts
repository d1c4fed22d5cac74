import { Injectable } from '@nestjs/common';
import type { RatingGivenV1 } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { contributionDelta, ratingContribution } from '../domain/contributions';
import { IndexFactsRepository, type ActiveRating } from '../store/index-facts.repository';

/** The later rating of a dossier (ratedAt, then rating id) is its active one and replaces the earlier in the counters. */
export function isLater(candidate: ActiveRating, current: ActiveRating | null): boolean {
  if (!current) return true;
  const dt = candidate.ratedAt.getTime() - current.ratedAt.getTime();
  return dt > 0 || (dt === 0 && candidate.ratingId > current.ratingId);
}

@Injectable()
export class RecordRatingGivenUseCase {
  constructor(private readonly facts: IndexFactsRepository) {}

  async execute(tx: EntityManager, given: RatingGivenV1): Promise<void> {
    await this.facts.lockDossier(tx, given.dossierCode);
    const current = await this.facts.findActiveRating(tx, given.dossierCode);
    const next: ActiveRating = { ratingId: given.ratingId, agencyCode: given.receivingAgencyCode, level: given.level, ratedAt: new Date(given.ratedAt) };
    if (!isLater(next, current)) return;
    await this.facts.saveActiveRating(tx, given.dossierCode, next);
    await this.facts.addToCounters(tx, contributionDelta(ratingContribution(current), ratingContribution(next)));
  }
}
