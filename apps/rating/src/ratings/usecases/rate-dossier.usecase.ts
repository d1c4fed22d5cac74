import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RatingGiven, type SatisfactionLevel } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { Clock, invalidInput, requireVisible } from '@hub/platform';
import type { DataSource } from 'typeorm';
import { RateableDossierErrors } from '../../rateable-dossier/rateable-dossier.errors';
import { RateableDossierRepository } from '../../rateable-dossier/rateable-dossier.repository';
import { eligibility } from '../../rateable-dossier/usecases/get-rating-eligibility/rating-eligibility';
import { RatingErrors } from '../ratings.errors';
import { RatingsRepository } from '../ratings.repository';
import type { RateDossierCommand } from './rating.command';

/** A rating may be dated a little ahead of the hub's clock (kiosk clocks drift), never later. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface RatingRecorded {
  ratingId: string;
  dossierCode: string;
  level: SatisfactionLevel;
  ratedAt: string;
  active: boolean;
  created: boolean;
}

/**
 * Records the applicant's rating while the dossier's rating window is open, keeps it in the history, and
 * announces it (rating.given.v1, without the comment) for the index. The latest `ratedAt` is the active rating.
 */
@Injectable()
export class RateDossierUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: RateableDossierRepository,
    private readonly ratings: RatingsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute({ rating, sourceRatingId, caller, trace }: RateDossierCommand): Promise<RatingRecorded> {
    const criteria = rating.criteria ?? [];
    const repeated = criteria.findIndex((c, i) => criteria.findIndex((o) => o.criterion === c.criterion) !== i);
    if (repeated >= 0) throw invalidInput([{ field: `criteria.${repeated}.criterion`, code: 'DUPLICATE', message: `criterion ${criteria[repeated].criterion} is rated twice` }]);
    const now = this.clock.now();
    const ratedAt = new Date(rating.ratedAt);
    if (ratedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) throw invalidInput([{ field: 'ratedAt', code: 'IN_THE_FUTURE', message: 'ratedAt must not be in the future' }]);

    const found = await this.dossiers.findByCode(rating.dossierCode);
    const dossier = requireVisible(caller, found, (d) => d.receivingAgencyCode, () => RateableDossierErrors.notFound(rating.dossierCode));
    const window = eligibility(dossier.status);
    if (window.reason !== 'RATEABLE') throw RatingErrors.windowClosed(rating.dossierCode, dossier.status, window.reason);
    if (ratedAt.getTime() < dossier.submittedAt.getTime()) throw RatingErrors.ratedBeforeReceipt(rating.dossierCode, dossier.status, dossier.submittedAt);

    return this.dataSource.transaction(async (tx) => {
      const stored = await this.ratings.insert(tx, {
        ratingId: randomUUID(),
        sourceRatingId: sourceRatingId ?? null,
        sourceClientId: sourceRatingId === undefined ? null : caller.clientId,
        dossierCode: dossier.dossierCode,
        procedureCode: dossier.procedureCode,
        agencyCode: dossier.receivingAgencyCode,
        level: rating.level,
        criteria: criteria.map((c) => ({ criterion: c.criterion, level: c.level })),
        comment: rating.comment ?? null,
        channel: rating.channel,
        ratedAt,
        recordedAt: now,
      });
      if (stored.created) {
        await this.outbox.append(tx, RatingGiven, {
          ratingId: stored.ratingId,
          dossierCode: dossier.dossierCode,
          procedureCode: dossier.procedureCode,
          receivingAgencyCode: dossier.receivingAgencyCode,
          level: rating.level,
          criteria: criteria.map((c) => ({ criterion: c.criterion, level: c.level })),
          channel: rating.channel,
          ratedAt: ratedAt.toISOString(),
        }, trace);
      }
      const active = await this.ratings.activeId(tx, dossier.dossierCode);
      return { ratingId: stored.ratingId, dossierCode: dossier.dossierCode, level: rating.level, ratedAt: ratedAt.toISOString(), active: active === stored.ratingId, created: stored.created };
    });
  }
}
