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

  /** The dossier's latest known status: inserted, or updated only when the event is newer than what is held. */
  async applyIfNewer(tx: EntityManager, dossier: RateableDossierEntity): Promise<void> {
    await tx.query(
      `INSERT INTO rateable_dossier (dossier_code, procedure_code, receiving_agency_code, status, submitted_at, updated_at, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dossier_code) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision
       WHERE rateable_dossier.revision < EXCLUDED.revision`,
      [dossier.dossierCode, dossier.procedureCode, dossier.receivingAgencyCode, dossier.status, dossier.submittedAt, dossier.updatedAt, dossier.revision],
    );
  }

  findByCode(dossierCode: string): Promise<RateableDossierEntity | null> {
    return this.dataSource.manager.findOneBy(RateableDossierEntity, { dossierCode });
  }
}
