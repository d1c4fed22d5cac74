import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service-quality index: per-dossier facts (latest revision), what was seen once (status changes, procedure
 * versions, payments), active ratings, the agency tree, and the per-agency, per-month counters derived from them
 * (as append-only deltas: a counter is the sum of its rows).
 * Everything here is rebuilt by replaying the topics; only `rating` (with comments) and `index_target` are owned.
 */
export class ServiceIndex1764300000000 implements MigrationInterface {
  name = 'ServiceIndex1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE index_dossier (
        dossier_code text PRIMARY KEY,
        revision integer NOT NULL,
        status smallint NOT NULL,
        agency_code text NOT NULL,
        received_at timestamptz NOT NULL,
        channel text NOT NULL,
        documents_digitised boolean NOT NULL,
        finished_at timestamptz,
        timeliness text,
        result_electronic boolean NOT NULL,
        fee_total bigint NOT NULL
      )`);
    await q.query(`CREATE TABLE index_paid_dossier (dossier_code text PRIMARY KEY, payment_id uuid NOT NULL)`);
    await q.query(`CREATE TABLE index_status_change (dossier_code text NOT NULL, revision integer NOT NULL, PRIMARY KEY (dossier_code, revision))`);
    await q.query(`CREATE TABLE index_procedure_version (procedure_code text NOT NULL, version integer NOT NULL, PRIMARY KEY (procedure_code, version))`);
    await q.query(`
      CREATE TABLE index_active_rating (
        dossier_code text PRIMARY KEY,
        rating_id uuid NOT NULL,
        agency_code text NOT NULL,
        level text NOT NULL,
        rated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE index_agency (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        parent_code text,
        active boolean NOT NULL,
        revision integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE index_counter (
        month char(7) NOT NULL,
        agency_code text NOT NULL,
        indicator text NOT NULL,
        numerator bigint NOT NULL,
        denominator bigint NOT NULL
      )`);
    // Append-only deltas, summed on read: concurrent partitions never wait on a hot agency's counter row.
    await q.query(`CREATE INDEX index_counter_month ON index_counter (month, agency_code)`);
    await q.query(`CREATE TABLE index_target (indicator text PRIMARY KEY, target numeric(6,4) NOT NULL CHECK (target > 0 AND target <= 1))`);
    await q.query(`
      CREATE TABLE rating (
        rating_id uuid PRIMARY KEY,
        source_rating_id text,
        source_client_id text,
        dossier_code text NOT NULL,
        procedure_code text NOT NULL,
        agency_code text NOT NULL,
        level text NOT NULL,
        criteria jsonb NOT NULL,
        comment text,
        channel text NOT NULL,
        rated_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (source_client_id, source_rating_id)
      )`);
    await q.query(`CREATE INDEX rating_dossier ON rating (dossier_code, rated_at DESC, rating_id DESC)`);
    await q.query(`CREATE INDEX rating_agency_time ON rating (agency_code, rated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rating', 'index_target', 'index_counter', 'index_agency', 'index_active_rating', 'index_procedure_version', 'index_status_change', 'index_paid_dossier', 'index_dossier']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
