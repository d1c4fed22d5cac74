import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client lifecycle: expiry, the previous key during a rotation's grace period, and the audit of admin actions. */
export class ApiClientLifecycle1765400000000 implements MigrationInterface {
  name = 'ApiClientLifecycle1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_client
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN previous_key_prefix text,
        ADD COLUMN previous_key_hash text,
        ADD COLUMN previous_key_expires_at timestamptz,
        ADD COLUMN updated_at timestamptz`);
    await q.query('CREATE INDEX api_client_previous_key_prefix ON api_client (previous_key_prefix) WHERE previous_key_prefix IS NOT NULL');
    await q.query(`
      CREATE TABLE admin_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_client_id text NOT NULL,
        action text NOT NULL,
        target_client_id text,
        details jsonb NOT NULL,
        correlation_id text
      )`);
    await q.query('CREATE INDEX admin_audit_target ON admin_audit (target_client_id, id)');
    await q.query(`
      CREATE FUNCTION admin_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'admin_audit is append-only'; END $$`);
    await q.query('CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit FOR EACH ROW EXECUTE FUNCTION admin_audit_refuse_change()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE admin_audit');
    await q.query('DROP FUNCTION admin_audit_refuse_change');
    await q.query('DROP INDEX api_client_previous_key_prefix');
    await q.query('ALTER TABLE api_client DROP COLUMN expires_at, DROP COLUMN previous_key_prefix, DROP COLUMN previous_key_hash, DROP COLUMN previous_key_expires_at, DROP COLUMN updated_at');
  }
}
