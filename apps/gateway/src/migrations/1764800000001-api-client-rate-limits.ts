import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiClientRateLimits1764800000001 implements MigrationInterface {
  name = 'ApiClientRateLimits1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_client ADD COLUMN rate_limits jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_client DROP COLUMN rate_limits');
  }
}
