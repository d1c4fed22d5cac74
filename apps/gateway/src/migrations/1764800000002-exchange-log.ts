import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExchangeLog1764800000002 implements MigrationInterface {
  name = 'ExchangeLog1764800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exchange_log (
        seq bigint PRIMARY KEY,
        recorded_at timestamptz NOT NULL,
        client_id text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        agency_codes text[] NOT NULL,
        status integer NOT NULL,
        request_hash text NOT NULL,
        response_hash text NOT NULL,
        correlation_id text NOT NULL,
        prev_hash text NOT NULL,
        entry_hash text NOT NULL
      )`);
    // The chain head: one row, locked by every append, so entries are numbered and chained one at a time.
    await q.query(`CREATE TABLE exchange_log_head (id smallint PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, entry_hash text NOT NULL)`);
    await q.query(`INSERT INTO exchange_log_head (id, seq, entry_hash) VALUES (1, 0, repeat('0', 64))`);
    // Append-only: the application never updates or deletes an entry (the hash chain still catches whoever bypasses this).
    await q.query(`
      CREATE FUNCTION exchange_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'exchange_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER exchange_log_append_only BEFORE UPDATE OR DELETE ON exchange_log FOR EACH ROW EXECUTE FUNCTION exchange_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE exchange_log_head');
    await q.query('DROP TABLE exchange_log');
    await q.query('DROP FUNCTION exchange_log_refuse_change');
  }
}
