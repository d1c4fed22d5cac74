import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentRequest } from './payment-request';

const COLUMNS = `request_id, dossier_code, origin_key, origin, receiving_agency_code, procedure_code, amount, fees, state, created_at, updated_at`;

interface Row {
  request_id: string;
  dossier_code: string;
  origin_key: string;
  origin: PaymentRequest['origin'];
  receiving_agency_code: string;
  procedure_code: string;
  amount: string;
  fees: PaymentRequest['fees'];
  state: PaymentRequest['state'];
  created_at: Date;
  updated_at: Date;
}

const fromRow = (r: Row): PaymentRequest => ({
  requestId: r.request_id,
  dossierCode: r.dossier_code,
  originKey: r.origin_key,
  origin: r.origin,
  receivingAgencyCode: r.receiving_agency_code,
  procedureCode: r.procedure_code,
  amount: Number(r.amount),
  fees: r.fees,
  state: r.state,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

@Injectable()
export class PaymentRequestRepository {
  /** Inserts unless the dossier already has a request of that origin key (a replayed event). Returns whether it inserted. */
  async insert(tx: EntityManager, r: PaymentRequest): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO payment_request (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (dossier_code, origin_key) DO NOTHING RETURNING request_id`,
      [r.requestId, r.dossierCode, r.originKey, r.origin, r.receivingAgencyCode, r.procedureCode, r.amount, JSON.stringify(r.fees), r.state, r.createdAt, r.updatedAt],
    );
    return rows.length > 0;
  }

  async ofDossier(tx: EntityManager, dossierCode: string, lock = false): Promise<PaymentRequest[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM payment_request WHERE dossier_code = $1 ORDER BY created_at, request_id${lock ? ' FOR UPDATE' : ''}`,
      [dossierCode],
    );
    return rows.map(fromRow);
  }

  async find(tx: EntityManager, requestId: string, lock = false): Promise<PaymentRequest | undefined> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM payment_request WHERE request_id = $1${lock ? ' FOR UPDATE' : ''}`, [requestId]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async setState(tx: EntityManager, requestId: string, state: PaymentRequest['state'], at: Date): Promise<void> {
    await tx.query(`UPDATE payment_request SET state = $2, updated_at = $3 WHERE request_id = $1`, [requestId, state, at]);
  }
}
