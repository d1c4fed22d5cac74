import { Injectable } from '@nestjs/common';
import type { ProcedurePublishedV1 } from '@hub/contracts';
import { SnapshotConflictError } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { FeeScheduleEntity } from './fee-schedule.entity';

@Injectable()
export class FeeScheduleRepository {
  /**
   * A version's fees never change once published: a replayed snapshot is a no-op, and other fees for the same code and
   * version (forged, or a broken producer) are refused (dead-lettered), the first ones kept.
   */
  async insertVersion(tx: EntityManager, snapshot: ProcedurePublishedV1, at: Date): Promise<void> {
    const channels = JSON.stringify(snapshot.channels);
    const inserted: unknown[] = await tx.query(
      `INSERT INTO fee_schedule (procedure_code, procedure_version, channels, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [snapshot.code, snapshot.version, channels, at],
    );
    if (inserted.length > 0) return;
    const same: unknown[] = await tx.query(
      'SELECT 1 FROM fee_schedule WHERE procedure_code = $1 AND procedure_version = $2 AND channels = $3::jsonb',
      [snapshot.code, snapshot.version, channels],
    );
    if (same.length === 0) throw new SnapshotConflictError('procedure', snapshot.code, snapshot.version);
  }

  find(tx: EntityManager, procedureCode: string, procedureVersion: number): Promise<FeeScheduleEntity | null> {
    return tx.findOneBy(FeeScheduleEntity, { procedureCode, procedureVersion });
  }
}
