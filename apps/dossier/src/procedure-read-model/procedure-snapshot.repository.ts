import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProcedurePublishedV1 } from '@hub/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ProcedureSnapshotEntity } from './procedure-snapshot.entity';

@Injectable()
export class ProcedureSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByCode(code: string, tx: EntityManager = this.dataSource.manager): Promise<ProcedureSnapshotEntity | null> {
    return tx.findOneBy(ProcedureSnapshotEntity, { code });
  }

  /** Keeps the newest version: a replayed or late older snapshot never overwrites a newer one. */
  async upsertIfNewer(tx: EntityManager, snapshot: ProcedurePublishedV1, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO procedure_snapshot (code, version, name, implementing_agency_codes, channels, online_level, effective_from, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name,
         implementing_agency_codes = EXCLUDED.implementing_agency_codes, channels = EXCLUDED.channels,
         online_level = EXCLUDED.online_level, effective_from = EXCLUDED.effective_from, updated_at = EXCLUDED.updated_at
       WHERE procedure_snapshot.version < EXCLUDED.version`,
      [snapshot.code, snapshot.version, snapshot.name, snapshot.implementingAgencyCodes, JSON.stringify(snapshot.channels), snapshot.onlineLevel, snapshot.effectiveFrom, at],
    );
  }
}
