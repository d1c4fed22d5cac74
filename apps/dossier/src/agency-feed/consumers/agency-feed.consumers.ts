import { Injectable } from '@nestjs/common';
import {
  DossierReceived,
  DossierStatus,
  PaymentRefunded,
  PaymentSucceeded,
  RatingGiven,
  type DossierReceivedV1,
  type PaymentRefundedV1,
  type PaymentSucceededV1,
  type RatingGivenV1,
} from '@hub/contracts';
import { ConsumeEvent, ConsumeEventBatch, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { AgencyFeedWriter, submittedKey, type FeedChange } from '../agency-feed.writer';

/**
 * Each announced change as the feed item agency systems read, one pure mapping per event: a new event is a row here
 * and a one-line handler below. `sourceKey` makes a redelivered event record nothing new.
 */
export const FEED_CHANGES = {
  /** An online submission, announced as the hub's first sight of the dossier (see `isOnlineSubmission`). */
  submitted: (p: DossierReceivedV1): FeedChange => ({
    type: 'dossier.submitted',
    dossierCode: p.dossierCode,
    occurredAt: new Date(p.statusChangedAt),
    sourceKey: submittedKey(p.dossierCode),
  }),
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

/** dossier.received.v1 of the hub's own online intake (the feed's `dossier.submitted` item). */
export function isOnlineSubmission(p: Pick<DossierReceivedV1, 'source' | 'status'>): boolean {
  return p.source === 'hub' && p.status === DossierStatus.Submitted;
}

/**
 * The portal-side changes agency systems must learn about that other services (or the numbered intake) announce by
 * event, recorded in the feed in the consumer's transaction (with its inbox row): online submissions, payments,
 * refunds, ratings. The applicant's withdrawals and supplements are recorded by their use cases, in their own transaction.
 */
@Injectable()
export class AgencyFeedConsumers {
  constructor(private readonly feed: AgencyFeedWriter) {}

  /**
   * An online submission through the hub: first sight of a dossier by the hub's own intake (source `hub`, status 1).
   * Dossiers first seen through sync come from the agency's own system, which needs no feed item about them; they
   * are most of the topic (a 1,000-record sync is 1,000 events), so a chunk is taken at once and mostly skipped.
   * (Formerly read from dossier.submitted.v1, now retired; the item and its `sourceKey` are the same.)
   */
  @ConsumeEventBatch(DossierReceived)
  async received(events: ConsumedEvent<DossierReceivedV1>[], tx: EntityManager): Promise<void> {
    for (const { payload } of events.filter((e) => isOnlineSubmission(e.payload))) {
      await this.feed.record(tx, FEED_CHANGES.submitted(payload));
    }
  }

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
