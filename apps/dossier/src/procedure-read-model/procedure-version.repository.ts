import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProcedurePublishedV1, ProcedureWithdrawnV1 } from '@hub/contracts';
import { SnapshotConflictError } from '@hub/messaging';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ProcedureVersionEntity, ProcedureWithdrawalEntity } from './procedure-version.entity';

export interface ProcedureHistory {
  /** Newest first. */
  versions: ProcedureVersionEntity[];
  withdrawnAt: Date | null;
}

/**
 * The version in force at `at`: the newest one already effective, unless the procedure was withdrawn by then. The
 * intake's statement checks the same rule in SQL (NumberedIntakeWriter, `in_force`).
 */
export function versionInForce(history: ProcedureHistory, at: Date): ProcedureVersionEntity | null {
  if (history.withdrawnAt && history.withdrawnAt.getTime() <= at.getTime()) return null;
  return history.versions.find((v) => v.effectiveFrom.getTime() <= at.getTime()) ?? null;
}

@Injectable()
export class ProcedureVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every known version of the given procedures (newest first) with their withdrawal, in two queries, so a batch
   * resolves the version in force at each record's receipt without a query per record.
   */
  async historiesOf(codes: readonly string[]): Promise<Map<string, ProcedureHistory>> {
    const unique = [...new Set(codes)];
    const result = new Map<string, ProcedureHistory>();
    if (unique.length === 0) return result;
    const versions = await this.dataSource.manager.find(ProcedureVersionEntity, { where: { code: In(unique) }, order: { version: 'DESC' } });
    const withdrawals = await this.dataSource.manager.find(ProcedureWithdrawalEntity, { where: { code: In(unique) } });
    for (const v of versions) {
      const entry = result.get(v.code) ?? { versions: [], withdrawnAt: null };
      entry.versions.push(v);
      result.set(v.code, entry);
    }
    for (const w of withdrawals) {
      const entry = result.get(w.code);
      if (entry) entry.withdrawnAt = w.withdrawnAt;
    }
    return result;
  }

  /** The name of a version, for documents rendered for people. */
  async nameOf(code: string, version: number): Promise<string | null> {
    return (await this.dataSource.manager.findOneBy(ProcedureVersionEntity, { code, version }))?.name ?? null;
  }

  /**
   * A published version never changes: a replayed snapshot is a no-op, and a different one for the same code and
   * version (forged, or a broken producer) is refused (dead-lettered), the first one kept.
   */
  async insertVersion(tx: EntityManager, snapshot: ProcedurePublishedV1): Promise<void> {
    const values = [snapshot.code, snapshot.version, snapshot.name, snapshot.implementingAgencyCodes, JSON.stringify(snapshot.channels), snapshot.onlineLevel, snapshot.effectiveFrom];
    const inserted: unknown[] = await tx.query(
      `INSERT INTO procedure_version (code, version, name, implementing_agency_codes, channels, online_level, effective_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
      values,
    );
    if (inserted.length > 0) return;
    const same: unknown[] = await tx.query(
      `SELECT 1 FROM procedure_version WHERE code = $1 AND version = $2 AND name = $3 AND implementing_agency_codes = $4::text[]
         AND channels = $5::jsonb AND online_level = $6 AND effective_from = $7::timestamptz`,
      values,
    );
    if (same.length === 0) throw new SnapshotConflictError('procedure', snapshot.code, snapshot.version);
  }

  async recordWithdrawal(tx: EntityManager, withdrawal: ProcedureWithdrawnV1): Promise<void> {
    await tx.query(
      `INSERT INTO procedure_withdrawal (code, last_version, withdrawn_at) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET last_version = EXCLUDED.last_version, withdrawn_at = EXCLUDED.withdrawn_at`,
      [withdrawal.code, withdrawal.lastVersion, withdrawal.withdrawnAt],
    );
  }
}
