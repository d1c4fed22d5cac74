import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryPrepared } from '@hub/persistence';
import type { DataSource } from 'typeorm';
import { chainAll, type ExchangeEntry, type ExchangeRecord } from './exchange-log-chain';

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

const toRow = (entry: ExchangeEntry): Omit<EntryRow, 'seq'> & { seq: number } => ({
  seq: entry.seq,
  recorded_at: entry.recordedAt,
  client_id: entry.clientId,
  method: entry.method,
  path: entry.path,
  agency_codes: entry.agencyCodes,
  status: entry.status,
  request_hash: entry.requestHash,
  response_hash: entry.responseHash,
  correlation_id: entry.correlationId,
  prev_hash: entry.prevHash,
  entry_hash: entry.entryHash,
});

/**
 * Every entry of a group (a JSON array of rows: agency_codes is an array per row, which unnest cannot carry)
 * and the head's move in one statement. recorded_at travels as its ISO text, the exact instant that was hashed.
 */
const APPEND_ENTRIES = `
  WITH inserted AS (
    INSERT INTO exchange_log (seq, recorded_at, client_id, method, path, agency_codes, status, request_hash, response_hash, correlation_id, prev_hash, entry_hash)
    SELECT e.seq, e.recorded_at, e.client_id, e.method, e.path, e.agency_codes, e.status, e.request_hash, e.response_hash, e.correlation_id, e.prev_hash, e.entry_hash
      FROM jsonb_to_recordset($1::jsonb) AS e(seq bigint, recorded_at timestamptz, client_id text, method text, path text, agency_codes text[], status integer,
        request_hash text, response_hash text, correlation_id text, prev_hash text, entry_hash text)
  )
  UPDATE exchange_log_head SET seq = $2, entry_hash = $3 WHERE id = 1`;

@Injectable()
export class ExchangeLogStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends a group of records, in order, under the chain head's row lock: one group at a time across every
   * replica. Four round trips whatever the group's size: BEGIN, the head, one statement that inserts every
   * entry and moves the head, COMMIT. Returns the entries in the order of `records`.
   */
  appendAll(records: readonly ExchangeRecord[]): Promise<ExchangeEntry[]> {
    return this.dataSource.transaction(async (tx) => {
      const [head]: { seq: string; entry_hash: string }[] = await queryPrepared(tx, 'hub_exchange_log_head', 'SELECT seq, entry_hash FROM exchange_log_head WHERE id = 1 FOR UPDATE', []);
      const entries = chainAll({ seq: Number(head.seq), entryHash: head.entry_hash }, records);
      const last = entries.at(-1);
      if (!last) return entries;
      await queryPrepared(tx, 'hub_exchange_log_append', APPEND_ENTRIES, [JSON.stringify(entries.map(toRow)), last.seq, last.entryHash]);
      return entries;
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
