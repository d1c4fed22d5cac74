import { MigrationInterface, QueryRunner } from 'typeorm';

export class RateableDossier1764115500000 implements MigrationInterface {
  name = 'RateableDossier1764115500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rateable_dossier (
        dossier_code text PRIMARY KEY,
        procedure_code text NOT NULL,
        receiving_agency_code text NOT NULL,
        status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rateable_dossier');
  }
}
