import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { PaymentRefunded } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import type { EventTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { decide } from '../../../payment/payment-lifecycle';
import { PaymentRepository } from '../../../payment/payment.repository';
import type { VerifiedCallback } from '../../../provider/payment-provider';
import { OPEN_REFUND_STATES, type Refund } from '../../refund';
import { RefundRepository } from '../../refund.repository';

export type RefundCallbackResult = 'APPLIED' | 'DUPLICATE' | 'AMOUNT_MISMATCH' | 'IGNORED';

/** A provider's result for one of our refunds (its callback names the refund's own reference). */
@Injectable()
export class CompleteRefundUseCase {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly payments: PaymentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async apply(tx: EntityManager, refund: Refund, cb: VerifiedCallback, now: Date, trace: EventTrace): Promise<RefundCallbackResult> {
    const locked = await this.refunds.byReference(tx, refund.reference, true);
    if (!locked || !OPEN_REFUND_STATES.includes(locked.state)) return 'DUPLICATE';
    if (cb.paid && (cb.amount !== locked.amount || (cb.currency !== '' && cb.currency !== 'VND'))) return 'AMOUNT_MISMATCH';
    const payment = await this.payments.find(tx, locked.paymentId, true);
    if (!payment) return 'IGNORED';
    const others = (await this.refunds.ofPayment(tx, payment.paymentId)).filter((r) => r.refundId !== locked.refundId && OPEN_REFUND_STATES.includes(r.state));
    const figures = { paid: payment.amount, refunded: payment.refundedAmount, pendingOthers: others.reduce((s, r) => s + r.amount, 0), amount: locked.amount };
    const decision = decide(payment.state, cb.paid ? 'REFUND_SETTLED' : 'REFUND_FAILED', figures);
    if (decision.kind !== 'change') return 'IGNORED';
    const refunded = decision.refunded ?? payment.refundedAmount;
    await this.payments.update(tx, { ...payment, state: decision.to, refundedAmount: refunded, updatedAt: now });
    await this.refunds.setState(tx, locked.refundId, cb.paid ? 'SUCCEEDED' : 'FAILED', now, { completed: true });
    if (cb.paid) {
      await this.outbox.append(tx, PaymentRefunded, {
        paymentId: payment.paymentId,
        dossierCode: payment.dossierCode,
        requestId: payment.requestId,
        amount: payment.amount,
        provider: payment.provider,
        reference: payment.reference,
        receivingAgencyCode: payment.receivingAgencyCode,
        refundId: locked.refundId,
        refundAmount: locked.amount,
        refundedTotal: refunded,
        outcome: refunded === payment.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
        refundedAt: formatInZone(now),
      }, trace);
    }
    return 'APPLIED';
  }
}
