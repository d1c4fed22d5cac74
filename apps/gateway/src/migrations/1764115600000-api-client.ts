import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiClient1764115600000 implements MigrationInterface {
  name = 'ApiClient1764115600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_client (
        client_id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('agency-system', 'portal', 'payment-provider', 'operator')),
        agency_codes text[] NOT NULL,
        roles text[] NOT NULL,
        key_prefix text NOT NULL UNIQUE,
        key_hash text NOT NULL,
        active boolean NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_client');
  }
}
