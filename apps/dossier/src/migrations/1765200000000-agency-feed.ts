import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed of changes for agency systems and its webhooks (issue 7). Each feed row carries the id of the
 * transaction that wrote it (`xid`): readers order by (xid, id) and serve only rows below the oldest transaction
 * still running, so a row that commits later can never appear before a position a reader already passed.
 */
export class AgencyFeed1765200000000 implements MigrationInterface {
  name = 'AgencyFeed1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_feed (
        id bigserial PRIMARY KEY,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        agency_code text NOT NULL,
        dossier_code text NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL,
        source_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX agency_feed_position_idx ON agency_feed (xid, id)`);
    await q.query(`CREATE INDEX agency_feed_agency_position_idx ON agency_feed (agency_code, xid, id)`);
    await q.query(`
      CREATE FUNCTION agency_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('agency_feed', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER agency_feed_notify AFTER INSERT ON agency_feed FOR EACH STATEMENT EXECUTE FUNCTION agency_feed_notify()`);

    await q.query(`
      CREATE TABLE agency_webhook (
        agency_code text PRIMARY KEY,
        url text NOT NULL,
        secret_sealed text NOT NULL,
        event_types text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        position_xid xid8 NOT NULL,
        position_id bigint NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agency_webhook_delivery (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        agency_code text NOT NULL,
        feed_id bigint NOT NULL REFERENCES agency_feed (id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
        replay boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX agency_webhook_delivery_pending_idx ON agency_webhook_delivery (agency_code, id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX agency_webhook_delivery_agency_idx ON agency_webhook_delivery (agency_code, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agency_webhook_delivery');
    await q.query('DROP TABLE agency_webhook');
    await q.query('DROP TRIGGER agency_feed_notify ON agency_feed');
    await q.query('DROP FUNCTION agency_feed_notify()');
    await q.query('DROP TABLE agency_feed');
  }
}
