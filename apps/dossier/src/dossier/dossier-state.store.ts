import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { DossierState } from './domain/dossier-state';
import { DossierEntity, DossierNoticeEntity, DossierStatusHistoryEntity } from './dossier.entity';
import { changeOf, historyRowsOf, noticeOf, rowOf, stateOf } from './dossier-row.mapper';

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

// PostgreSQL binds at most 65 535 parameters per statement.
const MAX_PARAMS = 60_000;
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

  async load(tx: EntityManager, codes: readonly string[]): Promise<Map<string, StoredDossier>> {
    const unique = [...new Set(codes)];
    const result = new Map<string, StoredDossier>();
    if (unique.length === 0) return result;
    const rows = await tx.find(DossierEntity, { where: { code: In(unique) } });
    if (rows.length === 0) return result;
    const found = rows.map((r) => r.code);
    const history = await tx.find(DossierStatusHistoryEntity, { where: { dossierCode: In(found) }, order: { dossierCode: 'ASC', seq: 'ASC' } });
    const notices = await tx.find(DossierNoticeEntity, { where: { dossierCode: In(found) }, order: { dossierCode: 'ASC', issuedAt: 'ASC' } });
    for (const row of rows) {
      const state = stateOf(
        row,
        history.filter((h) => h.dossierCode === row.code).map(changeOf),
        notices.filter((n) => n.dossierCode === row.code).map(noticeOf),
      );
      result.set(row.code, { state, identity: { submittedBy: row.submittedBy, lookupKeyHash: row.lookupKeyHash, submittedAt: row.submittedAt, updatedAt: row.updatedAt } });
    }
    return result;
  }

  /** Upserts the rows and appends the new history and notices: three statements (chunked) for the whole batch. */
  async save(tx: EntityManager, writes: readonly DossierWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const rows = writes.map((w) => rowOf(w.after.state, w.after.identity));
    const columns = tx.connection.getMetadata(DossierEntity).columns;
    const updated = columns.map((c) => c.databaseName).filter((c) => !NOT_UPDATED.has(c));
    for (const chunk of chunks(rows, Math.floor(MAX_PARAMS / columns.length))) {
      await tx.createQueryBuilder().insert().into(DossierEntity).values(chunk).orUpdate(updated, ['code']).execute();
    }
    const history = writes.flatMap((w) => historyRowsOf(w.after.state, w.before?.history.length ?? 0));
    for (const chunk of chunks(history, Math.floor(MAX_PARAMS / 7))) await tx.insert(DossierStatusHistoryEntity, chunk);
    const notices = writes.flatMap((w) =>
      w.after.state.notices.slice(w.before?.notices.length ?? 0).map((n): DossierNoticeEntity => ({ dossierCode: w.after.state.code, ...n })),
    );
    for (const chunk of chunks(notices, Math.floor(MAX_PARAMS / 9))) await tx.insert(DossierNoticeEntity, chunk);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
