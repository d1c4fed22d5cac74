import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { chainNext, type ExchangeEntry, type ExchangeRecord } from './exchange-log-chain';

interface EntryRow {
  seq: string;
  recorded_at: Date;
  client_id: string;
  method: string;
  path: string;
  agency_codes: string[];
  status: number;
  request_hash: string;
  response_hash: string;
  correlation_id: string;
  prev_hash: string;
  entry_hash: string;
}

const toEntry = (row: EntryRow): ExchangeEntry => ({
  seq: Number(row.seq),
  recordedAt: row.recorded_at,
  clientId: row.client_id,
  method: row.method,
  path: row.path,
  agencyCodes: row.agency_codes,
  status: row.status,
  requestHash: row.request_hash,
  responseHash: row.response_hash,
  correlationId: row.correlation_id,
  prevHash: row.prev_hash,
  entryHash: row.entry_hash,
});

@Injectable()
export class ExchangeLogStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends under the chain head's row lock: one append at a time across every replica. */
  append(record: ExchangeRecord): Promise<ExchangeEntry> {
    return this.dataSource.transaction(async (tx) => {
      const [head]: { seq: string; entry_hash: string }[] = await tx.query('SELECT seq, entry_hash FROM exchange_log_head WHERE id = 1 FOR UPDATE');
      const entry = chainNext({ seq: Number(head.seq), entryHash: head.entry_hash }, record);
      await tx.query(
        `INSERT INTO exchange_log (seq, recorded_at, client_id, method, path, agency_codes, status, request_hash, response_hash, correlation_id, prev_hash, entry_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [entry.seq, entry.recordedAt, entry.clientId, entry.method, entry.path, entry.agencyCodes, entry.status, entry.requestHash, entry.responseHash, entry.correlationId, entry.prevHash, entry.entryHash],
      );
      await tx.query('UPDATE exchange_log_head SET seq = $1, entry_hash = $2 WHERE id = 1', [entry.seq, entry.entryHash]);
      return entry;
    });
  }

  async head(): Promise<{ seq: number; entryHash: string }> {
    const [head]: { seq: string; entry_hash: string }[] = await this.dataSource.query('SELECT seq, entry_hash FROM exchange_log_head WHERE id = 1');
    return { seq: Number(head.seq), entryHash: head.entry_hash };
  }

  /** Entries with fromSeq ≤ seq ≤ toSeq, in order, at most `limit`. */
  async range(fromSeq: number, toSeq: number, limit: number): Promise<ExchangeEntry[]> {
    const rows: EntryRow[] = await this.dataSource.query('SELECT * FROM exchange_log WHERE seq BETWEEN $1 AND $2 ORDER BY seq LIMIT $3', [fromSeq, toSeq, limit]);
    return rows.map(toEntry);
  }
}
