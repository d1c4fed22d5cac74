import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { PaymentExpired, PaymentFailed, PaymentSucceeded } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import type { EventTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { PaymentConfig } from '../../../config/payment.config';
import { PaymentRequestRepository } from '../../../payment-request/payment-request.repository';
import { RefundRepository } from '../../../refund/refund.repository';
import type { Payment } from '../../payment';
import { decide } from '../../payment-lifecycle';
import { PaymentRepository } from '../../payment.repository';

/** What the provider said about a payment (callback or QUERY). */
export type ProviderOutcome =
  | { kind: 'paid'; transactionId: string; bankCode: string; receiptNumber?: string; treasuryAccount?: string }
  | { kind: 'failed'; resultCode: string }
  | { kind: 'expired' };

export type SettleResult = 'APPLIED' | 'LATE_SUCCESS' | 'DUPLICATE' | 'IGNORED' | 'CONFLICT';

/**
 * Applies a provider outcome to a payment loaded FOR UPDATE in the caller's transaction: the state machine decides,
 * then the payment, its request and the event are written together. Callbacks and the expiry job share it, so a
 * callback racing the expiry job is settled once, whichever locks the row first. `trace` is the origin of the work
 * (the callback's request, the expiry pass's item) that the event records.
 */
@Injectable()
export class SettlePayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly requests: PaymentRequestRepository,
    private readonly refunds: RefundRepository,
    private readonly outbox: OutboxWriter,
    private readonly config: PaymentConfig,
  ) {}

  async apply(tx: EntityManager, payment: Payment, outcome: ProviderOutcome, now: Date, trace: EventTrace): Promise<SettleResult> {
    const event = outcome.kind === 'paid' ? 'SUCCEED' : outcome.kind === 'failed' ? 'FAIL' : 'EXPIRE';
    const decision = decide(payment.state, event);
    if (decision.kind === 'refused') return 'IGNORED';
    if (decision.kind === 'unchanged') {
      if (decision.why === 'conflict') {
        await this.payments.update(tx, { ...payment, reviewReason: payment.reviewReason ?? 'CONFLICTING_CALLBACK', updatedAt: now });
        return 'CONFLICT';
      }
      return decision.why === 'duplicate' ? 'DUPLICATE' : 'IGNORED';
    }
    const facts = { paymentId: payment.paymentId, dossierCode: payment.dossierCode, requestId: payment.requestId, amount: payment.amount, provider: payment.provider, reference: payment.reference };
    if (outcome.kind === 'failed') {
      await this.payments.update(tx, { ...payment, state: decision.to, updatedAt: now, settledAt: now });
      await this.outbox.append(tx, PaymentFailed, { ...facts, receivingAgencyCode: payment.receivingAgencyCode, failedAt: formatInZone(now), providerCode: outcome.resultCode.slice(0, 20) || 'UNKNOWN' }, trace);
      return 'APPLIED';
    }
    if (outcome.kind === 'expired') {
      await this.payments.update(tx, { ...payment, state: decision.to, updatedAt: now, settledAt: now });
      await this.outbox.append(tx, PaymentExpired, { ...facts, receivingAgencyCode: payment.receivingAgencyCode, expiredAt: formatInZone(now) }, trace);
      return 'APPLIED';
    }
    const request = await this.requests.find(tx, payment.requestId, true);
    const paidTwice = request?.state === 'PAID' || (await this.payments.otherSucceeded(tx, payment.requestId, payment.paymentId));
    const settled: Payment = {
      ...payment,
      state: decision.to,
      transactionId: outcome.transactionId || null,
      bankCode: outcome.bankCode || null,
      receiptNumber: outcome.receiptNumber ?? (await this.payments.nextReceiptNumber(tx, now)),
      treasuryAccount: outcome.treasuryAccount ?? this.config.TREASURY_ACCOUNT,
      reviewReason: paidTwice ? 'LATE_SUCCESS_REQUEST_ALREADY_PAID' : decision.late ? 'LATE_SUCCESS' : payment.reviewReason,
      updatedAt: now,
      settledAt: now,
    };
    await this.payments.update(tx, settled);
    const requestPaid = !!request && request.state !== 'PAID';
    if (requestPaid) await this.requests.setState(tx, request.requestId, 'PAID', now);
    if (paidTwice) {
      // The money is real but the fees were already paid: a refund is proposed for an operator to confirm.
      await this.refunds.insert(tx, {
        refundId: randomUUID(),
        paymentId: payment.paymentId,
        amount: payment.amount,
        reason: 'Late payment of fees already paid by another payment',
        state: 'PROPOSED',
        idempotencyKey: null,
        fingerprint: null,
        requestedBy: 'hub',
        createdAt: now,
      });
    }
    await this.outbox.append(tx, PaymentSucceeded, {
      ...facts,
      succeededAt: formatInZone(now),
      receivingAgencyCode: payment.receivingAgencyCode,
      ...(settled.transactionId ? { transactionId: settled.transactionId } : {}),
      receiptNumber: settled.receiptNumber ?? undefined,
      treasuryAccount: settled.treasuryAccount ?? undefined,
      requestPaid,
      late: decision.late === true,
    }, trace);
    return decision.late ? 'LATE_SUCCESS' : 'APPLIED';
  }
}

