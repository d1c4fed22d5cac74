import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { TransactionRunner } from '@hub/persistence';
import { Clock, requireVisible, type CallerIdentity, type EventTrace } from '@hub/platform';
import { PaymentConfig } from '../../../config/payment.config';
import { PaymentRequestRepository } from '../../../payment-request/payment-request.repository';
import { ProviderRegistry } from '../../../provider/provider.registry';
import { referenceOf, type Payment } from '../../payment';
import { PaymentErrors } from '../../payment.errors';
import { isUniqueViolation, PaymentRepository } from '../../payment.repository';
import { SettlePayment } from '../settle-payment/settle-payment';
import type { CreatedPaymentView, CreatePaymentBody } from './create-payment.dto';

export interface CreatePaymentCommand extends CreatePaymentBody {
  caller: CallerIdentity;
  trace: EventTrace;
  clientIp: string;
}

/**
 * Starts a payment of one OPEN request: the amount is the request's, never the caller's. At most one payment of a
 * request is PENDING (a partial unique index decides between concurrent creations: one 201, the other 409 naming the
 * first). The payment is stored before the provider is asked, so a crash in between leaves a PENDING payment that
 * the expiry job settles by asking the provider.
 */
@Injectable()
export class CreatePaymentUseCase {
  private readonly logger = new Logger(CreatePaymentUseCase.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: PaymentRequestRepository,
    private readonly payments: PaymentRepository,
    private readonly providers: ProviderRegistry,
    private readonly settle: SettlePayment,
    private readonly config: PaymentConfig,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: CreatePaymentCommand): Promise<CreatedPaymentView> {
    const provider = this.providers.find(cmd.provider);
    if (!provider) throw PaymentErrors.unknownProvider(cmd.provider);
    const now = this.clock.now();
    const { payment, request } = await this.insertPending(cmd, now);

    let paymentUrl: string;
    try {
      ({ paymentUrl } = await provider.createPayment({
        reference: payment.reference,
        amount: payment.amount,
        dossierCode: payment.dossierCode,
        procedureCode: request.procedureCode,
        agencyCode: request.receivingAgencyCode,
        treasuryAccount: this.config.TREASURY_ACCOUNT,
        fees: request.fees,
        description: `THANH TOAN HO SO ${payment.dossierCode}`,
        returnUrl: cmd.returnUrl,
        clientIp: cmd.clientIp,
        at: now,
      }));
    } catch (e) {
      this.logger.warn({ msg: `INIT of ${payment.reference} at ${provider.name} failed: ${(e as Error).message}`, correlationId: cmd.trace.correlationId });
      await this.transactions.run(async (tx) => {
        const locked = await this.payments.find(tx, payment.paymentId, true);
        if (locked) await this.settle.apply(tx, locked, { kind: 'failed', resultCode: 'INIT_FAILED' }, this.clock.now(), cmd.trace);
      });
      throw PaymentErrors.providerUnavailable(provider.name, (e as Error).message);
    }
    await this.transactions.run((tx) => tx.query(`UPDATE payment SET payment_url = $2 WHERE payment_id = $1`, [payment.paymentId, paymentUrl]));
    return {
      paymentId: payment.paymentId,
      requestId: payment.requestId,
      dossierCode: payment.dossierCode,
      provider: payment.provider,
      reference: payment.reference,
      amount: payment.amount,
      currency: 'VND',
      state: payment.state,
      paymentUrl,
      expiresAt: formatInZone(payment.expiresAt),
    };
  }

  private async insertPending(cmd: CreatePaymentCommand, now: Date) {
    try {
      return await this.transactions.run(async (tx) => {
        const found = await this.requests.find(tx, cmd.requestId);
        const request = requireVisible(cmd.caller, found?.dossierCode === cmd.dossierCode ? found : null, (r) => r.receivingAgencyCode, () =>
          PaymentErrors.requestNotFound(cmd.dossierCode, cmd.requestId),
        );
        if (request.state !== 'OPEN') throw PaymentErrors.requestNotOpen(request.requestId, request.state);
        const pending = await this.payments.pendingOf(tx, request.requestId);
        if (pending) throw PaymentErrors.inFlight(request.requestId, pending.paymentId);
        const paymentId = randomUUID();
        const payment: Payment = {
          paymentId,
          requestId: request.requestId,
          dossierCode: request.dossierCode,
          receivingAgencyCode: request.receivingAgencyCode,
          provider: cmd.provider,
          reference: referenceOf(paymentId),
          amount: request.amount,
          state: 'PENDING',
          paymentUrl: null,
          returnUrl: cmd.returnUrl,
          expiresAt: new Date(now.getTime() + this.config.PAYMENT_EXPIRY_MS),
          transactionId: null,
          bankCode: null,
          receiptNumber: null,
          treasuryAccount: null,
          refundedAmount: 0,
          reviewReason: null,
          createdAt: now,
          updatedAt: now,
          settledAt: null,
        };
        await this.payments.insert(tx, payment);
        return { payment, request };
      });
    } catch (e) {
      if (!isUniqueViolation(e, 'payment_one_in_flight_idx')) throw e;
      const pending = await this.transactions.run((tx) => this.payments.pendingOf(tx, cmd.requestId));
      throw PaymentErrors.inFlight(cmd.requestId, pending?.paymentId ?? 'unknown');
    }
  }
}
