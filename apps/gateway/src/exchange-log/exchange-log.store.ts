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

const INSERT_ENTRIES = (from: string) => `
    INSERT INTO exchange_log (seq, recorded_at, client_id, method, path, agency_codes, status, request_hash, response_hash, correlation_id, prev_hash, entry_hash)
    SELECT e.seq, e.recorded_at, e.client_id, e.method, e.path, e.agency_codes, e.status, e.request_hash, e.response_hash, e.correlation_id, e.prev_hash, e.entry_hash
      FROM ${from}jsonb_to_recordset($1::jsonb) AS e(seq bigint, recorded_at timestamptz, client_id text, method text, path text, agency_codes text[], status integer,
        request_hash text, response_hash text, correlation_id text, prev_hash text, entry_hash text)`;

/**
 * Every entry of a group (a JSON array of rows: agency_codes is an array per row, which unnest cannot carry)
 * and the head's move in one statement. recorded_at travels as its ISO text, the exact instant that was hashed.
 */
const APPEND_ENTRIES = `
  WITH inserted AS (${INSERT_ENTRIES('')}
  )
  UPDATE exchange_log_head SET seq = $2, entry_hash = $3 WHERE id = 1`;

/**
 * The same, in one statement of its own, only if the head is still where this replica last left it ($4, $5): the
 * UPDATE re-reads a head another transaction moved meanwhile, moves nothing then, and nothing is inserted. Returns
 * whether the group was appended.
 */
const APPEND_IF_HEAD = `
  WITH moved AS (
    UPDATE exchange_log_head SET seq = $2, entry_hash = $3 WHERE id = 1 AND seq = $4 AND entry_hash = $5 RETURNING 1
  ), inserted AS (${INSERT_ENTRIES('moved, ')}
  )
  SELECT count(*)::int AS moved FROM moved`;

interface Head {
  seq: number;
  entryHash: string;
}

@Injectable()
export class ExchangeLogStore {
  /** Where this replica's last group left the head: right as long as no other replica appended since. */
  private knownHead?: Head;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends a group of records, in order, after the chain head; returns the entries in the order of `records`.
   * Chained from the head this replica last left, in one statement that appends only if the head is still there
   * (one round trip, the usual case with one gateway, or when replicas take turns slowly). Otherwise, or at the first
   * group, under the head's row lock: BEGIN, the head, the entries and the head's move, COMMIT.
   */
  async appendAll(records: readonly ExchangeRecord[]): Promise<ExchangeEntry[]> {
    if (records.length === 0) return [];
    if (this.knownHead) {
      const entries = chainAll(this.knownHead, records);
      const last = entries.at(-1)!;
      const runner = this.dataSource.createQueryRunner();
      try {
        const [{ moved }] = await queryPrepared<{ moved: number }>(runner, 'hub_exchange_log_append_if_head', APPEND_IF_HEAD, [
          JSON.stringify(entries.map(toRow)), last.seq, last.entryHash, this.knownHead.seq, this.knownHead.entryHash,
        ]);
        if (moved === 1) return this.advanced(entries);
      } catch (error) {
        this.knownHead = undefined;
        throw error;
      } finally {
        await runner.release();
      }
    }
    return this.appendLocked(records);
  }

  private appendLocked(records: readonly ExchangeRecord[]): Promise<ExchangeEntry[]> {
    this.knownHead = undefined;
    return this.dataSource.transaction(async (tx) => {
      const [head]: { seq: string; entry_hash: string }[] = await queryPrepared(tx, 'hub_exchange_log_head', 'SELECT seq, entry_hash FROM exchange_log_head WHERE id = 1 FOR UPDATE', []);
      const entries = chainAll({ seq: Number(head.seq), entryHash: head.entry_hash }, records);
      const last = entries.at(-1)!;
      await queryPrepared(tx, 'hub_exchange_log_append', APPEND_ENTRIES, [JSON.stringify(entries.map(toRow)), last.seq, last.entryHash]);
      return entries;
    }).then((entries) => this.advanced(entries));
  }

  private advanced(entries: ExchangeEntry[]): ExchangeEntry[] {
    const last = entries.at(-1)!;
    this.knownHead = { seq: last.seq, entryHash: last.entryHash };
    return entries;
  }

  async head(): Promise<Head> {
    const [head]: { seq: string; entry_hash: string }[] = await this.dataSource.query('SELECT seq, entry_hash FROM exchange_log_head WHERE id = 1');
    return { seq: Number(head.seq), entryHash: head.entry_hash };
  }

  /** Entries with fromSeq ≤ seq ≤ toSeq, in order, at most `limit`. */
  async range(fromSeq: number, toSeq: number, limit: number): Promise<ExchangeEntry[]> {
    const rows: EntryRow[] = await this.dataSource.query('SELECT * FROM exchange_log WHERE seq BETWEEN $1 AND $2 ORDER BY seq LIMIT $3', [fromSeq, toSeq, limit]);
    return rows.map(toEntry);
  }
}
