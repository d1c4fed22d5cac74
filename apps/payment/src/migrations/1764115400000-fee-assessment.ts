import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeeAssessment1764115400000 implements MigrationInterface {
  name = 'FeeAssessment1764115400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fee_schedule (
        procedure_code text NOT NULL,
        procedure_version integer NOT NULL,
        channels jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (procedure_code, procedure_version)
      )`);
    await q.query(`
      CREATE TABLE fee_assessment (
        dossier_code text PRIMARY KEY,
        procedure_code text NOT NULL,
        procedure_version integer NOT NULL,
        receiving_agency_code text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL CHECK (status IN ('ASSESSED', 'AWAITING_PROCEDURE')),
        lines jsonb NOT NULL,
        total_amount bigint NOT NULL CHECK (total_amount >= 0),
        assessed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX fee_assessment_awaiting_idx ON fee_assessment (procedure_code, procedure_version) WHERE status = 'AWAITING_PROCEDURE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fee_assessment');
    await q.query('DROP TABLE fee_schedule');
  }
}
