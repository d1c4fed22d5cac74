import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { newTrace } from '@hub/platform';
import { PaymentRepository } from '../../../payment/payment.repository';
import { ProviderRegistry } from '../../../provider/provider.registry';
import { RefundRepository } from '../../refund.repository';
import { CompleteRefundUseCase } from '../complete-refund/complete-refund.usecase';

const BATCH = 20;
/** A refund the provider keeps refusing is given up after this many attempts (FAILED; the payment's other refunds go on). */
const MAX_ATTEMPTS = 10;

/**
 * Sends PENDING refunds to their provider. Rows are claimed FOR UPDATE SKIP LOCKED, so replicas never send one twice;
 * an accepted refund becomes SENT and its provider's callback completes it.
 */
@Injectable()
export class DispatchRefundsUseCase {
  private readonly logger = new Logger(DispatchRefundsUseCase.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly refunds: RefundRepository,
    private readonly payments: PaymentRepository,
    private readonly providers: ProviderRegistry,
    private readonly completeRefund: CompleteRefundUseCase,
  ) {}

  execute(now: Date): Promise<number> {
    return this.transactions.run(async (tx) => {
      const claimed = await this.refunds.claimToSend(tx, BATCH);
      let sent = 0;
      for (const refund of claimed) {
        const payment = await this.payments.find(tx, refund.paymentId);
        const provider = payment && this.providers.find(payment.provider);
        if (!payment || !provider) continue;
        try {
          const answer = await provider.refund({ refundReference: refund.reference, paymentReference: payment.reference, amount: refund.amount, at: now });
          if (answer.accepted) {
            await this.refunds.setState(tx, refund.refundId, 'SENT', now, { attempt: true });
            sent++;
            continue;
          }
          this.logger.warn(`refund ${refund.reference} refused by ${provider.name}: ${answer.detail}`);
        } catch (e) {
          this.logger.warn(`refund ${refund.reference} not sent: ${(e as Error).message}`);
        }
        if (refund.attempts + 1 < MAX_ATTEMPTS) {
          await this.refunds.setState(tx, refund.refundId, 'PENDING', now, { attempt: true });
          continue;
        }
        // Given up: the refund fails as if the provider had said so, and the payment leaves REFUND_PENDING. Each refund
        // given up is work of its own: its event gets a fresh trace.
        await this.completeRefund.apply(tx, refund, { reference: refund.reference, paid: false, resultCode: 'NOT_SENT', amount: undefined, currency: '', transactionId: '', bankCode: '', occurredAt: now }, now, newTrace());
      }
      return sent;
    });
  }
}
