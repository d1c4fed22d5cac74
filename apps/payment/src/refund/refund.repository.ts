import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { refundReferenceOf, type NewRefund, type Refund } from './refund';

const COLUMNS = `refund_id, payment_id, reference, amount, reason, state, idempotency_key, fingerprint, requested_by, attempts, created_at, updated_at, completed_at`;

interface Row {
  refund_id: string;
  payment_id: string;
  reference: string;
  amount: string;
  reason: string;
  state: Refund['state'];
  idempotency_key: string | null;
  fingerprint: string | null;
  requested_by: string;
  attempts: number;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

const fromRow = (r: Row): Refund => ({
  refundId: r.refund_id,
  paymentId: r.payment_id,
  reference: r.reference,
  amount: Number(r.amount),
  reason: r.reason,
  state: r.state,
  idempotencyKey: r.idempotency_key,
  fingerprint: r.fingerprint,
  requestedBy: r.requested_by,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
});

@Injectable()
export class RefundRepository {
  async insert(tx: EntityManager, r: NewRefund): Promise<void> {
    await tx.query(
      `INSERT INTO refund (refund_id, payment_id, reference, amount, reason, state, idempotency_key, fingerprint, requested_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [r.refundId, r.paymentId, refundReferenceOf(r.refundId), r.amount, r.reason, r.state, r.idempotencyKey, r.fingerprint, r.requestedBy, r.createdAt],
    );
  }

  async ofPayment(tx: EntityManager, paymentId: string): Promise<Refund[]> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM refund WHERE payment_id = $1 ORDER BY created_at, refund_id`, [paymentId]);
    return rows.map(fromRow);
  }

  async ofPayments(tx: EntityManager, paymentIds: string[]): Promise<Refund[]> {
    if (paymentIds.length === 0) return [];
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM refund WHERE payment_id = ANY($1) ORDER BY created_at, refund_id`, [paymentIds]);
    return rows.map(fromRow);
  }

  async byKey(tx: EntityManager, paymentId: string, key: string): Promise<Refund | undefined> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM refund WHERE payment_id = $1 AND idempotency_key = $2`, [paymentId, key]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async byReference(tx: EntityManager, reference: string, lock = false): Promise<Refund | undefined> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM refund WHERE reference = $1${lock ? ' FOR UPDATE' : ''}`, [reference]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Claims PENDING refunds to send; other replicas skip the locked ones. */
  async claimToSend(tx: EntityManager, limit: number): Promise<Refund[]> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM refund WHERE state = 'PENDING' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
    return rows.map(fromRow);
  }

  async setState(tx: EntityManager, refundId: string, state: Refund['state'], at: Date, opts: { attempt?: boolean; completed?: boolean } = {}): Promise<void> {
    await tx.query(
      `UPDATE refund SET state = $2, updated_at = $3, attempts = attempts + $4, completed_at = CASE WHEN $5 THEN $3 ELSE completed_at END WHERE refund_id = $1`,
      [refundId, state, at, opts.attempt ? 1 : 0, opts.completed === true],
    );
  }
}
