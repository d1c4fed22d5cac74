import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RateableDossierEntity } from './rateable-dossier.entity';

@Injectable()
export class RateableDossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Each dossier's latest known status: inserted, or updated only when the event is newer than what is held. One
   * statement for many dossiers (the newest revision of each, in code order so concurrent chunks lock rows alike).
   */
  async applyIfNewer(tx: EntityManager, dossiers: readonly RateableDossierEntity[]): Promise<void> {
    const newest = new Map<string, RateableDossierEntity>();
    for (const d of dossiers) {
      const held = newest.get(d.dossierCode);
      if (!held || held.revision < d.revision) newest.set(d.dossierCode, d);
    }
    const rows = [...newest.values()].sort((a, b) => (a.dossierCode < b.dossierCode ? -1 : a.dossierCode > b.dossierCode ? 1 : 0));
    if (rows.length === 0) return;
    const col = <T>(f: (d: RateableDossierEntity) => T) => rows.map(f);
    await tx.query(
      `INSERT INTO rateable_dossier (dossier_code, procedure_code, receiving_agency_code, status, submitted_at, updated_at, revision)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::int[])
       ON CONFLICT (dossier_code) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision
       WHERE rateable_dossier.revision < EXCLUDED.revision`,
      [
        col((d) => d.dossierCode),
        col((d) => d.procedureCode),
        col((d) => d.receivingAgencyCode),
        col((d) => d.status),
        col((d) => d.submittedAt),
        col((d) => d.updatedAt),
        col((d) => d.revision),
      ],
    );
  }

  findByCode(dossierCode: string): Promise<RateableDossierEntity | null> {
    return this.dataSource.manager.findOneBy(RateableDossierEntity, { dossierCode });
  }
}
