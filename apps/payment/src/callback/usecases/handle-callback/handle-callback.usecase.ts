import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { Clock, type EventTrace } from '@hub/platform';
import { PaymentErrors } from '../../../payment/payment.errors';
import { PaymentRepository } from '../../../payment/payment.repository';
import { SettlePayment } from '../../../payment/usecases/settle-payment/settle-payment';
import type { PaymentProvider, ProviderReceipt, VerifiedCallback } from '../../../provider/payment-provider';
import { ProviderRegistry } from '../../../provider/provider.registry';
import { RefundRepository } from '../../../refund/refund.repository';
import { CompleteRefundUseCase } from '../../../refund/usecases/complete-refund/complete-refund.usecase';
import { CallbackLogRepository } from '../../callback-log.repository';

export interface HandleCallbackCommand {
  provider: string;
  body: unknown;
  trace: EventTrace;
}

/** The answer in the provider's own vocabulary (never problem+json), and its HTTP status. */
export interface CallbackReply {
  status: number;
  body: object;
}

const MAX_RAW_CHARS = 64 * 1024;

/**
 * A provider's result callback: logged raw first (committed), then verified (checksum, partner, time window), then
 * applied under the payment's row lock by the state machine. Forged → 99, nothing changes; replayed → 00, nothing
 * changes twice; late → SUCCEEDED and flagged; failure after success → success stands, conflict recorded; amount or
 * currency mismatch → stays PENDING, flagged, 99. A provider that is not configured has no vocabulary to answer in
 * and no channel worth recording: `UNKNOWN_PROVIDER` (problem+json), nothing stored.
 */
@Injectable()
export class HandleCallbackUseCase {
  private readonly logger = new Logger(HandleCallbackUseCase.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly log: CallbackLogRepository,
    private readonly providers: ProviderRegistry,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly settle: SettlePayment,
    private readonly completeRefund: CompleteRefundUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: HandleCallbackCommand): Promise<CallbackReply> {
    const provider = this.providers.find(cmd.provider);
    if (!provider) throw PaymentErrors.unknownProvider(cmd.provider);
    const now = this.clock.now();
    const fields = typeof cmd.body === 'object' && cmd.body !== null ? (cmd.body as Record<string, unknown>) : {};
    const raw = JSON.stringify(cmd.body ?? null).slice(0, MAX_RAW_CHARS);
    const logId = await this.transactions.run((tx) =>
      this.log.append(tx, {
        provider: cmd.provider,
        raw,
        receivedAt: now,
        reference: typeof fields.MaThamChieu === 'string' ? fields.MaThamChieu.slice(0, 100) : undefined,
        transactionId: typeof fields.MaGiaoDich === 'string' ? fields.MaGiaoDich.slice(0, 100) : undefined,
      }),
    );
    const verified = provider.verifyCallback(cmd.body, now);
    if (!verified.ok) {
      this.logger.warn({ msg: `forged callback #${logId} from ${provider.name}: ${verified.reason}`, correlationId: cmd.trace.correlationId });
      await this.outcome(logId, 'FORGED', verified.reason);
      return this.reply(provider, false, 'Invalid message', verified.reference);
    }
    const cb = verified.callback;
    const [outcome, accepted, detail] = await this.apply(provider, cb, now, cmd.trace);
    await this.outcome(logId, outcome, detail);
    return this.reply(provider, accepted, accepted ? 'Success' : detail ?? outcome, cb.reference);
  }

  private async apply(provider: PaymentProvider, cb: VerifiedCallback, now: Date, trace: EventTrace): Promise<[string, boolean, string?]> {
    const seen = await this.transactions.run((tx) => this.payments.findByReference(tx, provider.name, cb.reference));
    if (!seen) {
      const refund = await this.transactions.run((tx) => this.refunds.byReference(tx, cb.reference));
      if (!refund) return ['UNKNOWN_REFERENCE', false, 'Unknown reference'];
      const result = await this.transactions.run((tx) => this.completeRefund.apply(tx, refund, cb, now, trace));
      return [`REFUND_${result}`, result !== 'AMOUNT_MISMATCH', result === 'AMOUNT_MISMATCH' ? 'Amount mismatch' : undefined];
    }
    // The e-receipt is fetched before the row lock (a network call must not hold it); only for a success not yet recorded.
    const receipt: ProviderReceipt = cb.paid && !['SUCCEEDED', 'REFUND_PENDING', 'REFUNDED'].includes(seen.state) ? await this.receiptOf(provider, cb.reference, now) : {};
    return this.transactions.run(async (tx): Promise<[string, boolean, string?]> => {
      const payment = await this.payments.findByReference(tx, provider.name, cb.reference, true);
      if (!payment) return ['UNKNOWN_REFERENCE', false, 'Unknown reference'];
      if (cb.paid && (cb.amount !== payment.amount || cb.currency !== 'VND')) {
        if (payment.state === 'PENDING' || payment.state === 'EXPIRED' || payment.state === 'FAILED') {
          await this.payments.update(tx, { ...payment, reviewReason: 'AMOUNT_MISMATCH', updatedAt: now });
        }
        return ['AMOUNT_MISMATCH', false, `Amount mismatch: expected ${payment.amount} VND`];
      }
      if (cb.paid && payment.transactionId && payment.transactionId !== cb.transactionId && payment.state !== 'PENDING') {
        // A second transaction id for one reference: keep the first, record the conflict.
        return ['CONFLICTING_TRANSACTION', true, `already settled by ${payment.transactionId}`];
      }
      const result = await this.settle.apply(
        tx,
        payment,
        cb.paid ? { kind: 'paid', transactionId: cb.transactionId, bankCode: cb.bankCode, ...receipt } : { kind: 'failed', resultCode: cb.resultCode },
        now,
        trace,
      );
      return [result, true];
    });
  }

  private async receiptOf(provider: PaymentProvider, reference: string, now: Date): Promise<ProviderReceipt> {
    try {
      return await provider.getReceipt(reference, now);
    } catch (e) {
      // The hub issues its own receipt number when the provider has none to give.
      this.logger.warn(`GET_BILL of ${reference} failed: ${(e as Error).message}`);
      return {};
    }
  }

  private reply(provider: PaymentProvider, accepted: boolean, description: string, reference?: string): CallbackReply {
    return { status: 200, body: provider.answerCallback({ accepted, description, reference }, this.clock.now()) };
  }

  private async outcome(id: string, outcome: string, detail?: string): Promise<void> {
    await this.transactions.run((tx) => this.log.recordOutcome(tx, id, outcome, detail));
  }
}
