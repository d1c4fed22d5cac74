import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's tables. Effective-dated procedure versions never overlap (exclusion constraint on the
 * validity range per code, btree_gist). Search matches word prefixes on a stored accent-free text through a
 * generated `tsvector` ('simple' configuration: no stemming, the text is already normalised) with a GIN index,
 * and ranks with pg_trgm's similarity(). Both extensions are "trusted" since PostgreSQL 13, so a database
 * owner can create them.
 */
export class Catalogue1764200000000 implements MigrationInterface {
  name = 'Catalogue1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');

    await q.query(`
      CREATE TABLE agency (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('MINISTRY', 'PROVINCE', 'COMMUNE', 'SERVICE_CENTRE', 'UNIT')),
        parent_code text REFERENCES agency (code),
        active boolean NOT NULL,
        valid_from date,
        valid_to date,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (parent_code IS NULL OR parent_code <> code),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await q.query('CREATE INDEX agency_parent_idx ON agency (parent_code)');

    await q.query(`
      CREATE TABLE sector (
        code text PRIMARY KEY,
        name text NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE procedure (
        code text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
        latest_version integer,
        draft jsonb,
        draft_revision integer NOT NULL DEFAULT 0,
        draft_updated_at timestamptz,
        withdrawn_at timestamptz,
        withdrawal jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((status = 'DRAFT') = (latest_version IS NULL))
      )`);

    await q.query(`
      CREATE TABLE procedure_version (
        procedure_code text NOT NULL REFERENCES procedure (code),
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        name_search text NOT NULL,
        search_text text NOT NULL,
        sector_codes text[] NOT NULL,
        publishing_agency_code text NOT NULL,
        implementing_agency_codes text[] NOT NULL,
        online_level text NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL', 'NONE')),
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        effective_from timestamptz NOT NULL,
        effective_to timestamptz,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL,
        decision_date date NOT NULL,
        entry_deadline_working_days integer NOT NULL,
        entry_deadline date,
        timeliness text NOT NULL CHECK (timeliness IN ('ON_TIME', 'LATE', 'UNKNOWN')),
        timeliness_note text,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
        PRIMARY KEY (procedure_code, version),
        CHECK (effective_to IS NULL OR effective_to > effective_from),
        CONSTRAINT procedure_version_no_overlap
          EXCLUDE USING gist (procedure_code WITH =, tstzrange(effective_from, effective_to, '[)') WITH &&)
      )`);
    await q.query('CREATE INDEX procedure_version_search_idx ON procedure_version USING gin (search_vector)');
    await q.query('CREATE INDEX procedure_version_sectors_idx ON procedure_version USING gin (sector_codes)');
    await q.query('CREATE INDEX procedure_version_agencies_idx ON procedure_version USING gin (implementing_agency_codes)');
    await q.query('CREATE INDEX procedure_version_open_idx ON procedure_version (procedure_code) WHERE effective_to IS NULL');

    await q.query(`
      CREATE TABLE calendar_year (
        scope text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1976 AND 9999),
        holidays text[] NOT NULL,
        working_days text[] NOT NULL,
        settings jsonb NOT NULL,
        sample boolean NOT NULL,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (scope, year)
      )`);

    await q.query(`
      CREATE TABLE status_mapping (
        agency_code text NOT NULL REFERENCES agency (code),
        version integer NOT NULL CHECK (version >= 1),
        mappings jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (agency_code, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE status_mapping');
    await q.query('DROP TABLE calendar_year');
    await q.query('DROP TABLE procedure_version');
    await q.query('DROP TABLE procedure');
    await q.query('DROP TABLE sector');
    await q.query('DROP TABLE agency');
  }
}
