import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { TransactionRunner } from '@hub/persistence';
import { Clock, requireVisible, type CallerIdentity } from '@hub/platform';
import { decide } from '../../../payment/payment-lifecycle';
import { PaymentErrors } from '../../../payment/payment.errors';
import { PaymentRepository } from '../../../payment/payment.repository';
import { OPEN_REFUND_STATES, type Refund } from '../../refund';
import { RefundErrors } from '../../refund.errors';
import { RefundRepository } from '../../refund.repository';
import type { RefundView, RequestRefundBody } from './request-refund.dto';

export interface RequestRefundCommand extends RequestRefundBody {
  paymentId: string;
  idempotencyKey: string | undefined;
  caller: CallerIdentity;
}

/**
 * Asks for a refund of a SUCCEEDED payment (202: the provider is asked asynchronously, its callback completes it).
 * Under the payment's row lock the total of completed and pending refunds never exceeds what was paid, so two refunds
 * racing each other cannot both pass. Idempotent per payment and Idempotency-Key (same body → same refund; another
 * body → refused), on top of the gateway's own idempotency.
 */
@Injectable()
export class RequestRefundUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly clock: Clock,
  ) {}

  execute(cmd: RequestRefundCommand): Promise<RefundView> {
    if (!cmd.idempotencyKey) throw RefundErrors.keyRequired();
    const key = cmd.idempotencyKey;
    const fingerprint = createHash('sha256').update(JSON.stringify([cmd.amount, cmd.reason])).digest('hex');
    return this.transactions.run(async (tx) => {
      const found = await this.payments.find(tx, cmd.paymentId, true);
      const payment = requireVisible(cmd.caller, found ?? null, (p) => p.receivingAgencyCode, () => PaymentErrors.notFound(cmd.paymentId));
      const earlier = await this.refunds.byKey(tx, payment.paymentId, key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) throw RefundErrors.keyReused();
        return view(earlier);
      }
      const open = (await this.refunds.ofPayment(tx, payment.paymentId)).filter((r) => OPEN_REFUND_STATES.includes(r.state));
      const pendingOthers = open.reduce((s, r) => s + r.amount, 0);
      const decision = decide(payment.state, 'REQUEST_REFUND', { paid: payment.amount, refunded: payment.refundedAmount, pendingOthers, amount: cmd.amount });
      if (decision.kind === 'refused') {
        if (decision.reason === 'REFUND_EXCEEDS_PAID') throw RefundErrors.exceedsPaid(payment.paymentId, payment.amount - payment.refundedAmount - pendingOthers);
        throw RefundErrors.notAllowed(payment.paymentId, payment.state, decision.reason);
      }
      if (decision.kind !== 'change') throw RefundErrors.notAllowed(payment.paymentId, payment.state, 'no change');
      const now = this.clock.now();
      const refund = {
        refundId: randomUUID(),
        paymentId: payment.paymentId,
        amount: cmd.amount,
        reason: cmd.reason,
        state: 'PENDING' as const,
        idempotencyKey: key,
        fingerprint,
        requestedBy: cmd.caller.clientId,
        createdAt: now,
      };
      await this.refunds.insert(tx, refund);
      await this.payments.update(tx, { ...payment, state: decision.to, updatedAt: now });
      return view(refund);
    });
  }
}

function view(r: Pick<Refund, 'refundId' | 'paymentId' | 'amount' | 'reason' | 'state' | 'createdAt'>): RefundView {
  return { refundId: r.refundId, paymentId: r.paymentId, amount: r.amount, reason: r.reason, state: r.state, createdAt: formatInZone(r.createdAt) };
}
