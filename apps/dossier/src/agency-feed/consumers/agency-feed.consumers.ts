import { Injectable } from '@nestjs/common';
import {
  PaymentRefunded,
  PaymentSucceeded,
  RatingGiven,
  type PaymentRefundedV1,
  type PaymentSucceededV1,
  type RatingGivenV1,
} from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { AgencyFeedWriter, type FeedChange } from '../agency-feed.writer';

/**
 * Each announced change as the feed item agency systems read, one pure mapping per event: a new event is a row here
 * and a one-line handler below. `sourceKey` makes a redelivered event record nothing new.
 */
export const FEED_CHANGES = {
  paymentSucceeded: (p: PaymentSucceededV1): FeedChange => ({
    type: 'payment.succeeded',
    dossierCode: p.dossierCode,
    occurredAt: new Date(p.succeededAt),
    sourceKey: `payment.succeeded:${p.paymentId}`,
    payment: { paymentId: p.paymentId, requestId: p.requestId, amount: p.amount, provider: p.provider, reference: p.reference },
  }),
  paymentRefunded: (p: PaymentRefundedV1): FeedChange => ({
    type: 'payment.refunded',
    dossierCode: p.dossierCode,
    occurredAt: new Date(p.refundedAt),
    sourceKey: `payment.refunded:${p.refundId}`,
    refund: { paymentId: p.paymentId, refundId: p.refundId, refundAmount: p.refundAmount, refundedTotal: p.refundedTotal },
  }),
  ratingGiven: (p: RatingGivenV1): FeedChange => ({
    type: 'rating.given',
    dossierCode: p.dossierCode,
    occurredAt: new Date(p.ratedAt),
    sourceKey: `rating.given:${p.ratingId}`,
    rating: { ratingId: p.ratingId, level: p.level, criteria: p.criteria.map((c) => ({ criterion: c.criterion, level: c.level })), channel: p.channel },
  }),
};

/**
 * The portal-side changes agency systems must learn about that other services announce by event, recorded in the feed
 * in the consumer's transaction (with its inbox row): payments, refunds, ratings. Online submissions are recorded by
 * the intake's own statement, and withdrawals and supplements by their use cases, each in its own transaction; the
 * submission sweep (FeedSubmissionSweep) records any online submission that reached the table without its item.
 */
@Injectable()
export class AgencyFeedConsumers {
  constructor(private readonly feed: AgencyFeedWriter) {}

  @ConsumeEvent(PaymentSucceeded)
  async paymentSucceeded(event: ConsumedEvent<PaymentSucceededV1>, tx: EntityManager): Promise<void> {
    await this.feed.record(tx, FEED_CHANGES.paymentSucceeded(event.payload));
  }

  @ConsumeEvent(PaymentRefunded)
  async paymentRefunded(event: ConsumedEvent<PaymentRefundedV1>, tx: EntityManager): Promise<void> {
    await this.feed.record(tx, FEED_CHANGES.paymentRefunded(event.payload));
  }

  @ConsumeEvent(RatingGiven)
  async ratingGiven(event: ConsumedEvent<RatingGivenV1>, tx: EntityManager): Promise<void> {
    await this.feed.record(tx, FEED_CHANGES.ratingGiven(event.payload));
  }
}
