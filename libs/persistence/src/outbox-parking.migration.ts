import { MigrationInterface, QueryRunner } from 'typeorm';
import { MessagingTables1764115200000 } from './messaging-tables.migration';

/**
 * Parked outbox rows: an event the broker refuses for good (larger than the topic's `max.message.bytes`) is set
 * aside with its reason instead of blocking every later event. The relay's index leaves parked rows out; they stay
 * until an operator deals with them (after raising the limit: `UPDATE outbox SET parked_at = NULL, parked_reason =
 * NULL WHERE id = …` publishes it again).
 */
export class OutboxParking1765600000000 implements MigrationInterface {
  name = 'OutboxParking1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD COLUMN parked_at timestamptz, ADD COLUMN parked_reason text');
    await q.query('DROP INDEX outbox_unpublished_idx');
    await q.query('CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL');
    await q.query('CREATE INDEX outbox_parked_idx ON outbox (id) WHERE parked_at IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_parked_idx');
    await q.query('DROP INDEX outbox_unpublished_idx');
    await q.query('CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL');
    await q.query('ALTER TABLE outbox DROP COLUMN parked_reason, DROP COLUMN parked_at');
  }
}

/** The outbox and inbox migrations every service runs before its own, in order. */
export const MESSAGING_MIGRATIONS = [MessagingTables1764115200000, OutboxParking1765600000000];
