import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { newTrace, type EventTrace } from '@hub/platform';
import type { Payment } from '../../payment';
import { PaymentRepository } from '../../payment.repository';
import { ProviderRegistry } from '../../../provider/provider.registry';
import type { ProviderStatus } from '../../../provider/payment-provider';
import { SettlePayment, type ProviderOutcome, type SettleResult } from '../settle-payment/settle-payment';

const BATCH = 50;

/**
 * Expires PENDING payments past `expiresAt`, after asking the provider (QUERY) whether they went through: a paid one
 * is settled as a success, a failed one as a failure. Safe with several replicas and against callbacks: each payment
 * is decided under its row lock on its reloaded state, so only the first of them changes it. A provider that cannot
 * be asked leaves the payment PENDING for the next pass. Each payment is work of its own: its events get a fresh trace.
 */
@Injectable()
export class ExpirePaymentsUseCase {
  private readonly logger = new Logger(ExpirePaymentsUseCase.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly payments: PaymentRepository,
    private readonly providers: ProviderRegistry,
    private readonly settle: SettlePayment,
  ) {}

  async execute(now: Date): Promise<Record<string, number>> {
    const candidates = await this.transactions.run((tx) => this.payments.expiredCandidates(tx, now, BATCH));
    const counts: Record<string, number> = {};
    for (const p of candidates) {
      const result = await this.expireOne(p, now, newTrace());
      counts[result] = (counts[result] ?? 0) + 1;
    }
    return counts;
  }

  async expireOne(candidate: Payment, now: Date, trace: EventTrace): Promise<SettleResult | 'UNREACHABLE'> {
    const provider = this.providers.find(candidate.provider);
    let status: ProviderStatus = { status: 'UNKNOWN' };
    if (provider) {
      try {
        status = await provider.queryStatus(candidate.reference, now);
      } catch (e) {
        this.logger.warn(`QUERY of ${candidate.reference} failed, expiry postponed: ${(e as Error).message}`);
        return 'UNREACHABLE';
      }
    }
    let receipt = {};
    if (status.status === 'PAID' && provider) receipt = await provider.getReceipt(candidate.reference, now).catch(() => ({}));
    return this.transactions.run(async (tx) => {
      const payment = await this.payments.find(tx, candidate.paymentId, true);
      if (!payment || payment.state !== 'PENDING') return 'IGNORED';
      let outcome: ProviderOutcome = { kind: 'expired' };
      if (status.status === 'PAID' && status.amount === payment.amount) outcome = { kind: 'paid', transactionId: status.transactionId, bankCode: status.bankCode, ...receipt };
      else if (status.status === 'PAID') {
        await this.payments.update(tx, { ...payment, reviewReason: 'AMOUNT_MISMATCH', updatedAt: now });
        return 'CONFLICT';
      } else if (status.status === 'FAILED') outcome = { kind: 'failed', resultCode: status.resultCode };
      return this.settle.apply(tx, payment, outcome, now, trace);
    });
  }
}
