import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Payment } from './payment';

export const PAYMENT_COLUMNS = `payment_id, request_id, dossier_code, receiving_agency_code, provider, reference, amount, state, payment_url,
  return_url, expires_at, transaction_id, bank_code, receipt_number, treasury_account, refunded_amount, review_reason,
  created_at, updated_at, settled_at`;

export interface PaymentRow {
  payment_id: string;
  request_id: string;
  dossier_code: string;
  receiving_agency_code: string;
  provider: string;
  reference: string;
  amount: string;
  state: Payment['state'];
  payment_url: string | null;
  return_url: string;
  expires_at: Date;
  transaction_id: string | null;
  bank_code: string | null;
  receipt_number: string | null;
  treasury_account: string | null;
  refunded_amount: string;
  review_reason: Payment['reviewReason'];
  created_at: Date;
  updated_at: Date;
  settled_at: Date | null;
}

export const paymentFromRow = (r: PaymentRow): Payment => ({
  paymentId: r.payment_id,
  requestId: r.request_id,
  dossierCode: r.dossier_code,
  receivingAgencyCode: r.receiving_agency_code,
  provider: r.provider,
  reference: r.reference,
  amount: Number(r.amount),
  state: r.state,
  paymentUrl: r.payment_url,
  returnUrl: r.return_url,
  expiresAt: r.expires_at,
  transactionId: r.transaction_id,
  bankCode: r.bank_code,
  receiptNumber: r.receipt_number,
  treasuryAccount: r.treasury_account,
  refundedAmount: Number(r.refunded_amount),
  reviewReason: r.review_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  settledAt: r.settled_at,
});

/** Postgres' unique_violation, as TypeORM surfaces it. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const code = err?.driverError?.code ?? err?.code;
  const name = err?.driverError?.constraint ?? err?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}

@Injectable()
export class PaymentRepository {
  async insert(tx: EntityManager, p: Payment): Promise<void> {
    await tx.query(
      `INSERT INTO payment (${PAYMENT_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
      [p.paymentId, p.requestId, p.dossierCode, p.receivingAgencyCode, p.provider, p.reference, p.amount, p.state, p.paymentUrl, p.returnUrl, p.expiresAt,
        p.transactionId, p.bankCode, p.receiptNumber, p.treasuryAccount, p.refundedAmount, p.reviewReason, p.createdAt, p.updatedAt, p.settledAt],
    );
  }

  /** Writes every mutable column of a loaded (and locked) payment. */
  async update(tx: EntityManager, p: Payment): Promise<void> {
    await tx.query(
      `UPDATE payment SET state = $2, payment_url = $3, transaction_id = $4, bank_code = $5, receipt_number = $6, treasury_account = $7,
              refunded_amount = $8, review_reason = $9, updated_at = $10, settled_at = $11 WHERE payment_id = $1`,
      [p.paymentId, p.state, p.paymentUrl, p.transactionId, p.bankCode, p.receiptNumber, p.treasuryAccount, p.refundedAmount, p.reviewReason, p.updatedAt, p.settledAt],
    );
  }

  async find(tx: EntityManager, paymentId: string, lock = false): Promise<Payment | undefined> {
    const rows: PaymentRow[] = await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payment WHERE payment_id = $1${lock ? ' FOR UPDATE' : ''}`, [paymentId]);
    return rows[0] ? paymentFromRow(rows[0]) : undefined;
  }

  async findByReference(tx: EntityManager, provider: string, reference: string, lock = false): Promise<Payment | undefined> {
    const rows: PaymentRow[] = await tx.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment WHERE reference = $1 AND provider = $2${lock ? ' FOR UPDATE' : ''}`,
      [reference, provider],
    );
    return rows[0] ? paymentFromRow(rows[0]) : undefined;
  }

  async pendingOf(tx: EntityManager, requestId: string): Promise<Payment | undefined> {
    const rows: PaymentRow[] = await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payment WHERE request_id = $1 AND state = 'PENDING'`, [requestId]);
    return rows[0] ? paymentFromRow(rows[0]) : undefined;
  }

  async ofDossier(tx: EntityManager, dossierCode: string): Promise<Payment[]> {
    const rows: PaymentRow[] = await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payment WHERE dossier_code = $1 ORDER BY created_at, payment_id`, [dossierCode]);
    return rows.map(paymentFromRow);
  }

  /** PENDING payments past their expiry, oldest first. */
  async expiredCandidates(tx: EntityManager, now: Date, limit: number): Promise<Payment[]> {
    const rows: PaymentRow[] = await tx.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment WHERE state = 'PENDING' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(paymentFromRow);
  }

  /** Whether another payment of the request already succeeded (a late success then pays twice). */
  async otherSucceeded(tx: EntityManager, requestId: string, paymentId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM payment WHERE request_id = $1 AND payment_id <> $2 AND state IN ('SUCCEEDED', 'REFUND_PENDING', 'REFUNDED') LIMIT 1`,
      [requestId, paymentId],
    );
    return rows.length > 0;
  }

  async nextReceiptNumber(tx: EntityManager, at: Date): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('receipt_number_seq') AS n`);
    return `BL-HUB-${at.getUTCFullYear()}-${String(n).padStart(8, '0')}`;
  }
}
