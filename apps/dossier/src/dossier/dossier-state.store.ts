import { Injectable } from '@nestjs/common';
import { jsonChunks, jsonChunksFrom, sendNow } from '@hub/persistence';
import type { EntityManager, EntityMetadata } from 'typeorm';
import type { DossierState } from './domain/dossier-state';
import { DossierEntity, DossierNoticeEntity, DossierStatusHistoryEntity } from './dossier.entity';
import { changeOf, historyRowsOf, noticeOf, rowOf, stateOf } from './dossier-row.mapper';
import { columnValuesOf, entitiesOf } from './entity-columns';

/** A stored dossier: its domain state and the columns the domain does not own. */
export interface StoredDossier {
  state: DossierState;
  identity: Pick<DossierEntity, 'submittedBy' | 'lookupKeyHash' | 'submittedAt' | 'updatedAt'>;
}

/** What to write for one dossier after a decision: history and notices are only ever appended. */
export interface DossierWrite {
  before: DossierState | null;
  after: StoredDossier;
}

const NOT_UPDATED = new Set(['code', 'submitted_by', 'submitted_at']);

/**
 * Loads and writes dossiers set-wise for a batch: a few statements per batch, not per record. Writers of the same
 * dossier serialise on a transaction-scoped advisory lock per code, taken in one sorted order (no deadlocks) and
 * before reading, so the decision is made on the latest committed state and no update is lost.
 */
@Injectable()
export class DossierStateStore {
  /**
   * Locks `codes` (for the transaction) and loads the stored dossiers among them, with `sendNow`: the lock goes out at
   * once, so the caller can do work that needs no state (checking records, hashing their content) while PostgreSQL
   * takes the locks, and the three reads follow it without a turn of the caller. The reads run after the locks, on the
   * same connection, so they see the latest committed state.
   */
  lockAndLoad(tx: EntityManager, codes: readonly string[]): Promise<Map<string, StoredDossier>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return Promise.resolve(new Map());
    const locked = sendNow(tx, LOCK, [[...unique].sort()]);
    const [rows, history, notices] = READS.map((sql) => sendNow(tx, sql, [unique]));
    const loaded = Promise.all([rows, history, notices, locked]).then(([r, h, n]) => storedDossiersOf(tx, r, h, n));
    // A caller whose own work failed before it awaited this rolls back; a failure here is then not unhandled (as sendNow).
    loaded.catch(() => undefined);
    return loaded;
  }

  /** The stored dossiers of `codes` (those that exist), with their history and notices, read without locking. */
  async load(tx: EntityManager, codes: readonly string[]): Promise<Map<string, StoredDossier>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await tx.query(READS[0], [unique]);
    if (rows.length === 0) return new Map();
    const found = rows.map((r: { code: string }) => r.code);
    const history = await tx.query(READS[1], [found]);
    const notices = await tx.query(READS[2], [found]);
    return storedDossiersOf(tx, rows, history, notices);
  }

  /**
   * Upserts the rows and appends the new history and notices: three statements for the whole batch, each taking its
   * rows as JSON text parameters of whole rows (`jsonChunks`, read by `jsonb_populate_recordset`), so neither the
   * number of rows nor the parameter limit of PostgreSQL splits a batch, and no parameter is a large string. They are
   * sent with `sendNow`: the caller's next statement (the events) is built while PostgreSQL writes these, when it
   * calls this without awaiting first.
   */
  async save(tx: EntityManager, writes: readonly DossierWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const dossier = tx.connection.getMetadata(DossierEntity);
    const updated = dossier.columns.map((c) => c.databaseName).filter((c) => !NOT_UPDATED.has(c));
    const history = writes.flatMap((w) => historyRowsOf(w.after.state, w.before?.history.length ?? 0));
    const notices = writes.flatMap((w) =>
      w.after.state.notices.slice(w.before?.notices.length ?? 0).map((n): DossierNoticeEntity => ({ dossierCode: w.after.state.code, ...n })),
    );
    // Every statement built before the first is sent: nothing can fail between two sends.
    const statements = [insertFromJson(dossier, writes.map((w) => rowOf(w.after.state, w.after.identity)), `ON CONFLICT (code) DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}`)];
    if (history.length > 0) statements.push(insertFromJson(tx.connection.getMetadata(DossierStatusHistoryEntity), history));
    if (notices.length > 0) statements.push(insertFromJson(tx.connection.getMetadata(DossierNoticeEntity), notices));
    await Promise.all(statements.map(({ text, values }) => sendNow(tx, text, values)));
  }
}

/** Writers of one dossier serialise on this transaction-scoped lock per code, taken in sorted order. */
const LOCK = `SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtextextended(c, 6) AS k FROM unnest($1::text[]) AS c ORDER BY 1) AS keys`;

/** The dossiers, their history and their notices of the codes of $1 (a text array). */
const READS = [
  'SELECT * FROM dossier WHERE code = ANY($1::text[])',
  'SELECT * FROM dossier_status_history WHERE dossier_code = ANY($1::text[]) ORDER BY dossier_code, seq',
  'SELECT * FROM dossier_notice WHERE dossier_code = ANY($1::text[]) ORDER BY dossier_code, issued_at',
] as const;

/** The rows of the three reads, mapped by the entities' metadata (`entitiesOf`), as stored dossiers by code. */
function storedDossiersOf(tx: EntityManager, dossierRows: Record<string, unknown>[], historyRows: Record<string, unknown>[], noticeRows: Record<string, unknown>[]): Map<string, StoredDossier> {
  const result = new Map<string, StoredDossier>();
  if (dossierRows.length === 0) return result;
  const rows = entitiesOf<DossierEntity>(tx.connection.getMetadata(DossierEntity), dossierRows);
  const historyOf = groupBy(entitiesOf<DossierStatusHistoryEntity>(tx.connection.getMetadata(DossierStatusHistoryEntity), historyRows), (h) => h.dossierCode);
  const noticesOf = groupBy(entitiesOf<DossierNoticeEntity>(tx.connection.getMetadata(DossierNoticeEntity), noticeRows), (n) => n.dossierCode);
  for (const row of rows) {
    const state = stateOf(row, (historyOf.get(row.code) ?? []).map(changeOf), (noticesOf.get(row.code) ?? []).map(noticeOf));
    result.set(row.code, { state, identity: { submittedBy: row.submittedBy, lookupKeyHash: row.lookupKeyHash, submittedAt: row.submittedAt, updatedAt: row.updatedAt } });
  }
  return result;
}

/**
 * `INSERT INTO <table> (<the entity's columns>) SELECT <them> FROM <the chunks>, jsonb_populate_recordset(NULL::<table>,
 * chunk)` of `entities`, then `tail`: the columns are named, so a column the entity does not know keeps its default.
 */
function insertFromJson(metadata: EntityMetadata, entities: readonly object[], tail = ''): { text: string; values: string[] } {
  const columns = metadata.columns.map((c) => `"${c.databaseName}"`);
  const chunks = jsonChunks(entities.map((entity) => columnValuesOf(metadata, entity)));
  return {
    text: `INSERT INTO "${metadata.tableName}" (${columns.join(', ')}) SELECT ${columns.map((c) => `p.${c}`).join(', ')}
       FROM ${jsonChunksFrom(1, chunks.length)}, jsonb_populate_recordset(NULL::"${metadata.tableName}", chunk.rows) AS p ${tail}`,
    values: chunks,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
