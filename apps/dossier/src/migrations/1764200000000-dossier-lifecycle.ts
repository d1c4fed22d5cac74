import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national record of a dossier (issue 6): sync versions, the clock (due date, pauses, extension, verdict),
 * steps, documents, fees, results, status history and notices; read models of calendars and status mappings.
 */
export class DossierLifecycle1764200000000 implements MigrationInterface {
  name = 'DossierLifecycle1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dossier
        ADD COLUMN version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        ADD COLUMN content_hash text NOT NULL DEFAULT '',
        ADD COLUMN revision integer NOT NULL DEFAULT 1,
        ADD COLUMN source text NOT NULL DEFAULT 'hub' CHECK (source IN ('hub', 'sync')),
        ADD COLUMN received_at timestamptz,
        ADD COLUMN status_changed_at timestamptz,
        ADD COLUMN appointment_at timestamptz,
        ADD COLUMN time_limit jsonb,
        ADD COLUMN due_at timestamptz,
        ADD COLUMN due_date_state text NOT NULL DEFAULT 'NOT_STARTED' CHECK (due_date_state IN ('NOT_STARTED', 'SET', 'CALENDAR_MISSING')),
        ADD COLUMN due_state text CHECK (due_state IN ('DUE_SOON', 'OVERDUE')),
        ADD COLUMN pauses jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN extension jsonb,
        ADD COLUMN finished_at timestamptz,
        ADD COLUMN timeliness text CHECK (timeliness IN ('EARLY', 'ON_TIME', 'LATE')),
        ADD COLUMN steps jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN documents jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN fees jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN results jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN supplements jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`UPDATE dossier SET received_at = submitted_at, status_changed_at = submitted_at`);
    await q.query(`ALTER TABLE dossier ALTER COLUMN received_at SET NOT NULL, ALTER COLUMN status_changed_at SET NOT NULL`);
    // Lists: per agency by update time (keyset on (updated_at, code)); the overdue watch's running dossiers.
    await q.query(`CREATE INDEX dossier_agency_updated_idx ON dossier (receiving_agency_code, updated_at, code)`);
    await q.query(`CREATE INDEX dossier_updated_idx ON dossier (updated_at, code)`);
    await q.query(`CREATE INDEX dossier_watch_idx ON dossier (due_at) WHERE due_at IS NOT NULL AND status IN (2, 4) AND due_state IS DISTINCT FROM 'OVERDUE'`);
    await q.query(`CREATE INDEX dossier_calendar_missing_idx ON dossier (receiving_agency_code) WHERE due_date_state = 'CALENDAR_MISSING'`);
    await q.query(`
      CREATE TABLE dossier_status_history (
        dossier_code text NOT NULL REFERENCES dossier (code),
        seq integer NOT NULL,
        from_status smallint CHECK (from_status BETWEEN 1 AND 10),
        to_status smallint NOT NULL CHECK (to_status BETWEEN 1 AND 10),
        at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('sync', 'portal', 'hub')),
        version integer NOT NULL,
        PRIMARY KEY (dossier_code, seq)
      )`);
    await q.query(`
      CREATE TABLE dossier_notice (
        dossier_code text NOT NULL REFERENCES dossier (code),
        form text NOT NULL CHECK (form IN ('01', '02', '03', '04', '05')),
        number text NOT NULL,
        issued_at timestamptz NOT NULL,
        signed_by text NOT NULL,
        reason text,
        new_due_at timestamptz,
        late boolean NOT NULL DEFAULT false,
        source text NOT NULL CHECK (source IN ('agency', 'hub')),
        PRIMARY KEY (dossier_code, form, number)
      )`);
    await q.query(`
      CREATE TABLE calendar_year (
        scope text NOT NULL,
        year integer NOT NULL,
        holidays text[] NOT NULL,
        working_days text[] NOT NULL,
        settings jsonb NOT NULL,
        revision integer NOT NULL,
        PRIMARY KEY (scope, year)
      )`);
    await q.query(`
      CREATE TABLE status_mapping (
        agency_code text PRIMARY KEY,
        version integer NOT NULL,
        mappings jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE status_mapping');
    await q.query('DROP TABLE calendar_year');
    await q.query('DROP TABLE dossier_notice');
    await q.query('DROP TABLE dossier_status_history');
    await q.query('DROP INDEX dossier_calendar_missing_idx');
    await q.query('DROP INDEX dossier_watch_idx');
    await q.query('DROP INDEX dossier_updated_idx');
    await q.query('DROP INDEX dossier_agency_updated_idx');
    await q.query(`
      ALTER TABLE dossier DROP COLUMN version, DROP COLUMN content_hash, DROP COLUMN revision, DROP COLUMN source,
        DROP COLUMN received_at, DROP COLUMN status_changed_at, DROP COLUMN appointment_at, DROP COLUMN time_limit,
        DROP COLUMN due_at, DROP COLUMN due_date_state, DROP COLUMN due_state, DROP COLUMN pauses, DROP COLUMN extension,
        DROP COLUMN finished_at, DROP COLUMN timeliness, DROP COLUMN steps, DROP COLUMN documents, DROP COLUMN fees,
        DROP COLUMN results, DROP COLUMN supplements`);
  }
}
