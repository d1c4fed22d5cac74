import { Injectable } from '@nestjs/common';
import {
  DossierStatus,
  DossierStatusChanged,
  DossierSubmitted,
  PaymentSucceeded,
  RatingGiven,
  type DossierStatusChangedV1,
  type DossierSubmittedV1,
  type PaymentSucceededV1,
  type RatingGivenV1,
} from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { AgencyFeedWriter } from '../agency-feed.writer';

/**
 * The portal-side changes agency systems must learn about, recorded in their feed in the consumer's transaction
 * (with its inbox row): online submissions, withdrawals by the applicant, payments, ratings. Withdrawals an agency
 * system synced itself (`source: sync`) are its own news and are not fed back to it.
 */
@Injectable()
export class AgencyFeedConsumers {
  constructor(private readonly feed: AgencyFeedWriter) {}

  @ConsumeEvent(DossierSubmitted)
  async submitted(event: ConsumedEvent<DossierSubmittedV1>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    await this.feed.record(tx, { type: 'dossier.submitted', dossierCode: p.dossierCode, occurredAt: new Date(p.submittedAt), sourceKey: `dossier.submitted:${p.dossierCode}` });
  }

  @ConsumeEvent(DossierStatusChanged)
  async statusChanged(event: ConsumedEvent<DossierStatusChangedV1>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    if (p.to !== DossierStatus.Withdrawn || p.source === 'sync') return;
    await this.feed.record(tx, { type: 'dossier.withdrawn', dossierCode: p.dossierCode, occurredAt: new Date(p.at), sourceKey: `dossier.withdrawn:${p.dossierCode}` });
  }

  @ConsumeEvent(PaymentSucceeded)
  async paymentSucceeded(event: ConsumedEvent<PaymentSucceededV1>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    await this.feed.record(tx, {
      type: 'payment.succeeded',
      dossierCode: p.dossierCode,
      occurredAt: new Date(p.succeededAt),
      sourceKey: `payment.succeeded:${p.paymentId}`,
      payment: { paymentId: p.paymentId, requestId: p.requestId, amount: p.amount, provider: p.provider, reference: p.reference },
    });
  }

  @ConsumeEvent(RatingGiven)
  async ratingGiven(event: ConsumedEvent<RatingGivenV1>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    await this.feed.record(tx, {
      type: 'rating.given',
      dossierCode: p.dossierCode,
      occurredAt: new Date(p.ratedAt),
      sourceKey: `rating.given:${p.ratingId}`,
      rating: { ratingId: p.ratingId, level: p.level, criteria: p.criteria.map((c) => ({ criterion: c.criterion, level: c.level })), channel: p.channel },
    });
  }
}
