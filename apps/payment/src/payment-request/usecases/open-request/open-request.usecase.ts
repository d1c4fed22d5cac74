import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DossierStatus, type DossierStatusChangedV1 } from '@hub/contracts';
import { Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { FeeAssessmentEntity } from '../../../fee-assessment/fee-assessment.entity';
import { MAX_VND } from '../../../shared/money';
import { sumFees, unpaidFees, type PaymentRequest } from '../../payment-request';
import { PaymentRequestRepository } from '../../payment-request.repository';

/**
 * Opens the payment requests of a dossier: one from the intake assessment of an online dossier, and one each time the
 * dossier enters status 6 with the fee lines the agency synced, covering only what no PAID request covered. A newer
 * request supersedes OPEN ones that have no payment in flight. Runs in the consumer's transaction (replays do nothing).
 */
@Injectable()
export class OpenPaymentRequestUseCase {
  constructor(
    private readonly requests: PaymentRequestRepository,
    private readonly clock: Clock,
  ) {}

  async fromAssessment(tx: EntityManager, a: FeeAssessmentEntity): Promise<void> {
    if (a.status !== 'ASSESSED' || a.channel !== 'ONLINE' || a.totalAmount <= 0) return;
    const fees = a.lines.filter((l) => l.amount > 0);
    if (fees.some((f) => f.amount > MAX_VND) || sumFees(fees) > MAX_VND) return;
    await this.requests.insert(tx, this.request(a.dossierCode, 'intake', 'INTAKE', a.receivingAgencyCode, a.procedureCode, fees));
  }

  async fromStatusChange(tx: EntityManager, e: DossierStatusChangedV1): Promise<void> {
    if (e.to !== DossierStatus.FeeRequested || !e.fees) return;
    const existing = await this.requests.ofDossier(tx, e.dossierCode, true);
    const fees = unpaidFees(e.fees, existing.filter((r) => r.state === 'PAID'));
    if (fees.length === 0 || fees.some((f) => f.amount > MAX_VND) || sumFees(fees) > MAX_VND) return;
    const request = this.request(e.dossierCode, `status6:${e.revision}`, 'STATUS_6', e.receivingAgencyCode, e.procedureCode, fees);
    if (!(await this.requests.insert(tx, request))) return;
    await tx.query(
      `UPDATE payment_request r SET state = 'CANCELLED', updated_at = $3
        WHERE r.dossier_code = $1 AND r.state = 'OPEN' AND r.request_id <> $2
          AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.request_id = r.request_id AND p.state = 'PENDING')`,
      [e.dossierCode, request.requestId, request.createdAt],
    );
  }

  private request(dossierCode: string, originKey: string, origin: PaymentRequest['origin'], agency: string, procedure: string, fees: PaymentRequest['fees']): PaymentRequest {
    const now = this.clock.now();
    return {
      requestId: randomUUID(),
      dossierCode,
      originKey,
      origin,
      receivingAgencyCode: agency,
      procedureCode: procedure,
      amount: sumFees(fees),
      fees: fees.map((f) => ({ code: f.code, name: f.name, amount: f.amount })),
      state: 'OPEN',
      createdAt: now,
      updatedAt: now,
    };
  }
}
