import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dossier's event revision: status changes from several topics apply only if newer. */
export class RateableDossierRevision1764200100000 implements MigrationInterface {
  name = 'RateableDossierRevision1764200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rateable_dossier ADD COLUMN revision integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rateable_dossier DROP COLUMN revision`);
  }
}
