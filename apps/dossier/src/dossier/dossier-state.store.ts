import { Injectable } from '@nestjs/common';
import { jsonChunks, jsonChunksFrom } from '@hub/persistence';
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
  async lock(tx: EntityManager, codes: readonly string[]): Promise<void> {
    const sorted = [...new Set(codes)].sort();
    if (sorted.length === 0) return;
    await tx.query(
      `SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtextextended(c, 6) AS k FROM unnest($1::text[]) AS c ORDER BY 1) AS keys`,
      [sorted],
    );
  }

  /**
   * The stored dossiers of `codes` (those that exist), with their history and notices: three statements, each with the
   * codes as one array parameter, the rows mapped by the entities' metadata (`entitiesOf`).
   */
  async load(tx: EntityManager, codes: readonly string[]): Promise<Map<string, StoredDossier>> {
    const unique = [...new Set(codes)];
    const result = new Map<string, StoredDossier>();
    if (unique.length === 0) return result;
    const rows = await select<DossierEntity>(tx, DossierEntity, 'SELECT * FROM dossier WHERE code = ANY($1::text[])', unique);
    if (rows.length === 0) return result;
    const found = rows.map((r) => r.code);
    const history = await select<DossierStatusHistoryEntity>(tx, DossierStatusHistoryEntity, 'SELECT * FROM dossier_status_history WHERE dossier_code = ANY($1::text[]) ORDER BY dossier_code, seq', found);
    const notices = await select<DossierNoticeEntity>(tx, DossierNoticeEntity, 'SELECT * FROM dossier_notice WHERE dossier_code = ANY($1::text[]) ORDER BY dossier_code, issued_at', found);
    const historyOf = groupBy(history, (h) => h.dossierCode);
    const noticesOf = groupBy(notices, (n) => n.dossierCode);
    for (const row of rows) {
      const state = stateOf(row, (historyOf.get(row.code) ?? []).map(changeOf), (noticesOf.get(row.code) ?? []).map(noticeOf));
      result.set(row.code, { state, identity: { submittedBy: row.submittedBy, lookupKeyHash: row.lookupKeyHash, submittedAt: row.submittedAt, updatedAt: row.updatedAt } });
    }
    return result;
  }

  /**
   * Upserts the rows and appends the new history and notices: three statements for the whole batch, each taking its
   * rows as JSON text parameters of whole rows (`jsonChunks`, read by `jsonb_populate_recordset`), so neither the
   * number of rows nor the parameter limit of PostgreSQL splits a batch, and no parameter is a large string.
   */
  async save(tx: EntityManager, writes: readonly DossierWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const rows = writes.map((w) => rowOf(w.after.state, w.after.identity));
    const dossier = tx.connection.getMetadata(DossierEntity);
    const updated = dossier.columns.map((c) => c.databaseName).filter((c) => !NOT_UPDATED.has(c));
    await insertFromJson(tx, dossier, rows, `ON CONFLICT (code) DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}`);
    const history = writes.flatMap((w) => historyRowsOf(w.after.state, w.before?.history.length ?? 0));
    if (history.length > 0) await insertFromJson(tx, tx.connection.getMetadata(DossierStatusHistoryEntity), history);
    const notices = writes.flatMap((w) =>
      w.after.state.notices.slice(w.before?.notices.length ?? 0).map((n): DossierNoticeEntity => ({ dossierCode: w.after.state.code, ...n })),
    );
    if (notices.length > 0) await insertFromJson(tx, tx.connection.getMetadata(DossierNoticeEntity), notices);
  }
}

/**
 * `INSERT INTO <table> (<the entity's columns>) SELECT <them> FROM <the chunks>, jsonb_populate_recordset(NULL::<table>,
 * chunk)` of `entities`, then `tail`: the columns are named, so a column the entity does not know keeps its default.
 */
async function insertFromJson(tx: EntityManager, metadata: EntityMetadata, entities: readonly object[], tail = ''): Promise<void> {
  const columns = metadata.columns.map((c) => `"${c.databaseName}"`);
  const chunks = jsonChunks(entities.map((entity) => columnValuesOf(metadata, entity)));
  await tx.query(
    `INSERT INTO "${metadata.tableName}" (${columns.join(', ')}) SELECT ${columns.map((c) => `p.${c}`).join(', ')}
       FROM ${jsonChunksFrom(1, chunks.length)}, jsonb_populate_recordset(NULL::"${metadata.tableName}", chunk.rows) AS p ${tail}`,
    chunks,
  );
}

async function select<T extends object>(tx: EntityManager, target: new () => T, sql: string, codes: readonly string[]): Promise<T[]> {
  return entitiesOf<T>(tx.connection.getMetadata(target), await tx.query(sql, [codes]));
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
