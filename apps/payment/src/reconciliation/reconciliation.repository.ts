import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StatementException } from './match-statement';

export interface ReconciliationRecord {
  reconciliationId: string;
  provider: string;
  date: string;
  source: 'UPLOAD' | 'FETCH' | 'DAILY';
  totals: { lines: number; matched: number; exceptions: number; providerTotal: number; hubTotal: number };
  createdBy: string;
  createdAt: Date;
}

export interface StoredException extends StatementException {
  exceptionId: string;
  resolvedAt: Date | null;
  resolutionNote: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

@Injectable()
export class ReconciliationRepository {
  /** Stores a reconciliation and its exceptions; false when the daily run of that day already exists. */
  async insert(tx: EntityManager, r: ReconciliationRecord, exceptions: (StatementException & { exceptionId: string })[]): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO reconciliation (reconciliation_id, provider, statement_date, source, totals, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING reconciliation_id`,
      [r.reconciliationId, r.provider, r.date, r.source, JSON.stringify(r.totals), r.createdBy, r.createdAt],
    );
    if (rows.length === 0) return false;
    if (exceptions.length > 0) {
      await tx.query(
        `INSERT INTO reconciliation_exception (exception_id, reconciliation_id, kind, reference, line_number, hub_amount, provider_amount, hub_state, provider_state)
         SELECT e.exception_id, $1, e.kind, e.reference, e.line_number, e.hub_amount, e.provider_amount, e.hub_state, e.provider_state
           FROM jsonb_to_recordset($2::jsonb) AS e(exception_id uuid, kind text, reference text, line_number int, hub_amount bigint, provider_amount bigint, hub_state text, provider_state text)`,
        [r.reconciliationId, JSON.stringify(exceptions.map((e) => ({
          exception_id: e.exceptionId, kind: e.kind, reference: e.reference, line_number: e.lineNumber, hub_amount: e.hubAmount,
          provider_amount: e.providerAmount, hub_state: e.hubState, provider_state: e.providerState,
        })))],
      );
    }
    return true;
  }

  async find(tx: EntityManager, id: string): Promise<{ record: ReconciliationRecord; exceptions: StoredException[] } | undefined> {
    const rows = await tx.query(
      `SELECT reconciliation_id, provider, to_char(statement_date, 'YYYY-MM-DD') AS date, source, totals, created_by, created_at FROM reconciliation WHERE reconciliation_id = $1`,
      [id],
    );
    if (rows.length === 0) return undefined;
    const r = rows[0];
    const ex = await tx.query(`SELECT * FROM reconciliation_exception WHERE reconciliation_id = $1 ORDER BY line_number NULLS LAST, reference`, [id]);
    return {
      record: { reconciliationId: r.reconciliation_id, provider: r.provider, date: r.date, source: r.source, totals: r.totals, createdBy: r.created_by, createdAt: r.created_at },
      exceptions: ex.map((e: Record<string, string | null>) => ({
        exceptionId: e.exception_id as string,
        kind: e.kind as StatementException['kind'],
        reference: e.reference as string,
        lineNumber: e.line_number === null ? null : Number(e.line_number),
        hubAmount: num(e.hub_amount),
        providerAmount: num(e.provider_amount),
        hubState: e.hub_state,
        providerState: e.provider_state,
        resolvedAt: (e.resolved_at as unknown as Date) ?? null,
        resolutionNote: e.resolution_note,
      })),
    };
  }

  async resolve(tx: EntityManager, id: string, exceptionId: string, note: string, by: string, at: Date): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [rows]: [unknown[], number] = await tx.query(
      `UPDATE reconciliation_exception SET resolved_at = $4, resolution_note = $3, resolved_by = $5 WHERE reconciliation_id = $1 AND exception_id = $2 RETURNING exception_id`,
      [id, exceptionId, note, at, by],
    );
    return rows.length > 0;
  }

  async exists(tx: EntityManager, provider: string, date: string, source: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM reconciliation WHERE provider = $1 AND statement_date = $2 AND source = $3`, [provider, date, source]);
    return rows.length > 0;
  }
}
