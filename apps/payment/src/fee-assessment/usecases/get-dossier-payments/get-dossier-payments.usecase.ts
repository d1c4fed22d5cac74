import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { TransactionRunner } from '@hub/persistence';
import { requireVisible, type CallerIdentity } from '@hub/platform';
import { PaymentRequestRepository } from '../../../payment-request/payment-request.repository';
import { PaymentRepository } from '../../../payment/payment.repository';
import { RefundRepository } from '../../../refund/refund.repository';
import { FeeAssessmentErrors } from '../../fee-assessment.errors';
import { FeeAssessmentRepository } from '../../fee-assessment.repository';
import type { DossierPaymentsView } from './dossier-payments.view';

const iso = (d: Date | null) => (d ? formatInZone(d) : null);

@Injectable()
export class GetDossierPaymentsUseCase {
  constructor(
    private readonly assessments: FeeAssessmentRepository,
    private readonly transactions: TransactionRunner,
    private readonly requests: PaymentRequestRepository,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
  ) {}

  async execute(dossierCode: string, caller: CallerIdentity): Promise<DossierPaymentsView> {
    const found = await this.assessments.findByDossier(dossierCode);
    const a = requireVisible(caller, found, (x) => x.receivingAgencyCode, () => FeeAssessmentErrors.notFound(dossierCode));
    const { requests, payments, refunds } = await this.transactions.run(async (tx) => {
      const payments = await this.payments.ofDossier(tx, dossierCode);
      return { requests: await this.requests.ofDossier(tx, dossierCode), payments, refunds: await this.refunds.ofPayments(tx, payments.map((p) => p.paymentId)) };
    });
    return {
      dossierCode: a.dossierCode,
      assessment: {
        status: a.status,
        procedureCode: a.procedureCode,
        procedureVersion: a.procedureVersion,
        channel: a.channel,
        lines: a.lines,
        totalAmount: a.totalAmount,
        currency: 'VND',
        assessedAt: a.assessedAt?.toISOString() ?? null,
      },
      requests: requests.map((r) => ({ requestId: r.requestId, origin: r.origin, amount: r.amount, state: r.state, fees: r.fees, createdAt: formatInZone(r.createdAt) })),
      payments: payments.map((p) => ({
        paymentId: p.paymentId,
        requestId: p.requestId,
        state: p.state,
        amount: p.amount,
        provider: p.provider,
        reference: p.reference,
        transactionId: p.transactionId,
        receiptNumber: p.receiptNumber,
        treasuryAccount: p.treasuryAccount,
        refundedAmount: p.refundedAmount,
        reviewReason: p.reviewReason,
        paymentUrl: p.paymentUrl,
        expiresAt: formatInZone(p.expiresAt),
        createdAt: formatInZone(p.createdAt),
        settledAt: iso(p.settledAt),
        refunds: refunds.filter((r) => r.paymentId === p.paymentId).map((r) => ({ refundId: r.refundId, amount: r.amount, reason: r.reason, state: r.state })),
      })),
    };
  }
}
