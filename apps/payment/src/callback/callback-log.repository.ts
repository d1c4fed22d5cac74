import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Append-only log of every callback as received, written (and committed) before the hub acts on it. */
@Injectable()
export class CallbackLogRepository {
  async append(tx: EntityManager, entry: { provider: string; raw: string; receivedAt: Date; reference?: string; transactionId?: string }): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO payment_callback_log (provider, received_at, raw, reference, transaction_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [entry.provider.slice(0, 100), entry.receivedAt, entry.raw, entry.reference ?? null, entry.transactionId ?? null],
    );
    return String(id);
  }

  /** Records what the hub did with a logged callback, once (the raw entry itself never changes). */
  async recordOutcome(tx: EntityManager, id: string, outcome: string, detail?: string): Promise<void> {
    await tx.query(`UPDATE payment_callback_log SET outcome = $2, detail = $3 WHERE id = $1 AND outcome IS NULL`, [id, outcome, detail ?? null]);
  }
}
