import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProcedurePublishedV1, ProcedureWithdrawnV1 } from '@hub/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ProcedureVersionEntity } from './procedure-version.entity';

@Injectable()
export class ProcedureVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The version in force at `at`: the newest one already effective, unless the procedure was withdrawn by then. */
  async findInForce(code: string, at: Date): Promise<ProcedureVersionEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(ProcedureVersionEntity, 'v')
      .where('v.code = :code AND v.effective_from <= :at', { code, at })
      .andWhere('NOT EXISTS (SELECT 1 FROM procedure_withdrawal w WHERE w.code = v.code AND w.withdrawn_at <= :at)')
      .orderBy('v.version', 'DESC')
      .getOne();
  }

  /** A published version never changes, so a replayed snapshot is a no-op. */
  async insertVersion(tx: EntityManager, snapshot: ProcedurePublishedV1): Promise<void> {
    await tx.query(
      `INSERT INTO procedure_version (code, version, name, implementing_agency_codes, channels, online_level, effective_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [snapshot.code, snapshot.version, snapshot.name, snapshot.implementingAgencyCodes, JSON.stringify(snapshot.channels), snapshot.onlineLevel, snapshot.effectiveFrom],
    );
  }

  async recordWithdrawal(tx: EntityManager, withdrawal: ProcedureWithdrawnV1): Promise<void> {
    await tx.query(
      `INSERT INTO procedure_withdrawal (code, last_version, withdrawn_at) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET last_version = EXCLUDED.last_version, withdrawn_at = EXCLUDED.withdrawn_at`,
      [withdrawal.code, withdrawal.lastVersion, withdrawal.withdrawnAt],
    );
  }
}
