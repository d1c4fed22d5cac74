import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RateableDossierEntity } from './rateable-dossier.entity';

@Injectable()
export class RateableDossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** First sighting only: a later status change must not be overwritten by a replayed submission. */
  async insertIfAbsent(tx: EntityManager, dossier: RateableDossierEntity): Promise<void> {
    await tx.createQueryBuilder().insert().into(RateableDossierEntity).values(dossier).orIgnore().execute();
  }

  /** The latest known status of a dossier from dossier.received / status-changed: an older revision never wins. */
  async saveLatest(tx: EntityManager, d: Omit<RateableDossierEntity, 'updatedAt'>, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO rateable_dossier (dossier_code, procedure_code, receiving_agency_code, status, submitted_at, updated_at, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dossier_code) DO UPDATE SET procedure_code = excluded.procedure_code, receiving_agency_code = excluded.receiving_agency_code,
         status = excluded.status, updated_at = excluded.updated_at, revision = excluded.revision
       WHERE rateable_dossier.revision < excluded.revision`,
      [d.dossierCode, d.procedureCode, d.receivingAgencyCode, d.status, d.submittedAt, now, d.revision],
    );
  }

  findByCode(dossierCode: string): Promise<RateableDossierEntity | null> {
    return this.dataSource.manager.findOneBy(RateableDossierEntity, { dossierCode });
  }
}
