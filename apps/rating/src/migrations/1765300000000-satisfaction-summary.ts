import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly satisfaction aggregates an agency system reports (DongBoDanhGia): one row per agency, month and question. */
export class SatisfactionSummary1765300000000 implements MigrationInterface {
  name = 'SatisfactionSummary1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE satisfaction_summary (
        agency_code text NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        question text NOT NULL,
        question_text text,
        respondents integer NOT NULL CHECK (respondents >= 0),
        answers jsonb NOT NULL,
        reported_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (agency_code, month, question)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE satisfaction_summary`);
  }
}
