import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKey1764800000000 implements MigrationInterface {
  name = 'IdempotencyKey1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        client_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
        response_status integer,
        response_headers jsonb,
        response_body bytea,
        locked_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, key)
      )`);
    await q.query('CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_key');
  }
}
