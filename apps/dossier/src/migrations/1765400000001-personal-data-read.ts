import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail of reads of applicants' personal data outside the owning agency (append-only). */
export class PersonalDataRead1765400000001 implements MigrationInterface {
  name = 'PersonalDataRead1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_read (
        id bigserial PRIMARY KEY,
        read_at timestamptz NOT NULL,
        client_id text NOT NULL,
        client_kind text NOT NULL,
        action text NOT NULL,
        dossier_code text NOT NULL,
        receiving_agency_code text NOT NULL,
        disclosure text NOT NULL CHECK (disclosure IN ('full', 'masked')),
        purpose text,
        correlation_id text
      )`);
    await q.query('CREATE INDEX personal_data_read_dossier ON personal_data_read (dossier_code, id)');
    await q.query('CREATE INDEX personal_data_read_client ON personal_data_read (client_id, id)');
    await q.query(`
      CREATE FUNCTION personal_data_read_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'personal_data_read is append-only'; END $$`);
    await q.query('CREATE TRIGGER personal_data_read_append_only BEFORE UPDATE OR DELETE ON personal_data_read FOR EACH ROW EXECUTE FUNCTION personal_data_read_refuse_change()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE personal_data_read');
    await q.query('DROP FUNCTION personal_data_read_refuse_change');
  }
}
