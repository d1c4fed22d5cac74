import { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierIntake1764115300000 implements MigrationInterface {
  name = 'DossierIntake1764115300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procedure_version (
        code text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        implementing_agency_codes text[] NOT NULL,
        channels jsonb NOT NULL,
        online_level text NOT NULL,
        effective_from timestamptz NOT NULL,
        PRIMARY KEY (code, version)
      )`);
    await q.query(`
      CREATE TABLE procedure_withdrawal (
        code text PRIMARY KEY,
        last_version integer NOT NULL,
        withdrawn_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE dossier_code_sequence (
        agency_code text NOT NULL,
        receipt_date date NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (agency_code, receipt_date)
      )`);
    await q.query(`
      CREATE TABLE dossier (
        code text PRIMARY KEY,
        procedure_code text NOT NULL,
        procedure_version integer NOT NULL,
        receiving_agency_code text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('COUNTER', 'ONLINE', 'POSTAL')),
        status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
        submitted_by text NOT NULL,
        applicant jsonb NOT NULL,
        summary text,
        lookup_key_hash text NOT NULL,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dossier_agency_submitted_idx ON dossier (receiving_agency_code, submitted_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dossier');
    await q.query('DROP TABLE dossier_code_sequence');
    await q.query('DROP TABLE procedure_withdrawal');
    await q.query('DROP TABLE procedure_version');
  }
}
