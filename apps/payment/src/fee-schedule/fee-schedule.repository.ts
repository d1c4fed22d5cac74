import { Injectable } from '@nestjs/common';
import type { ProcedurePublishedV1 } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { FeeScheduleEntity } from './fee-schedule.entity';

@Injectable()
export class FeeScheduleRepository {
  /** A version's fees never change once published, so a replayed snapshot is a no-op. */
  async insertVersion(tx: EntityManager, snapshot: ProcedurePublishedV1, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO fee_schedule (procedure_code, procedure_version, channels, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [snapshot.code, snapshot.version, JSON.stringify(snapshot.channels), at],
    );
  }

  find(tx: EntityManager, procedureCode: string, procedureVersion: number): Promise<FeeScheduleEntity | null> {
    return tx.findOneBy(FeeScheduleEntity, { procedureCode, procedureVersion });
  }
}
