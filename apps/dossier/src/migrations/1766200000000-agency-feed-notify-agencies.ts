import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed's NOTIFY names the agencies a statement wrote items for (comma-separated; empty when the list would be too
 * long for a notification, meaning "any agency"), and a statement that wrote no item notifies nothing. The webhook
 * worker then enqueues for those agencies only, instead of every subscribed agency on every item.
 */
export class AgencyFeedNotifyAgencies1766200000000 implements MigrationInterface {
  name = 'AgencyFeedNotifyAgencies1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION agency_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE agencies text;
      BEGIN
        SELECT string_agg(DISTINCT agency_code, ',') INTO agencies FROM new_items;
        IF agencies IS NOT NULL THEN
          PERFORM pg_notify('agency_feed', CASE WHEN length(agencies) <= 7000 THEN agencies ELSE '' END);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query('DROP TRIGGER agency_feed_notify ON agency_feed');
    await q.query(`CREATE TRIGGER agency_feed_notify AFTER INSERT ON agency_feed REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION agency_feed_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER agency_feed_notify ON agency_feed');
    await q.query(`
      CREATE OR REPLACE FUNCTION agency_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('agency_feed', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER agency_feed_notify AFTER INSERT ON agency_feed FOR EACH STATEMENT EXECUTE FUNCTION agency_feed_notify()`);
  }
}
