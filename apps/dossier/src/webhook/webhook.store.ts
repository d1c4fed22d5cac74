import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FeedPosition } from '../agency-feed/feed-cursor';

export interface Subscription {
  agencyCode: string;
  url: string;
  secretSealed: string;
  eventTypes: string[];
  active: boolean;
  position: FeedPosition;
  createdAt: Date;
  updatedAt: Date;
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'PARKED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  id: string;
  deliveryId: string;
  agencyCode: string;
  feedId: string;
  status: DeliveryStatus;
  replay: boolean;
  attempts: number;
  createdAt: Date;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

const SUBSCRIPTION_COLUMNS = `agency_code, url, secret_sealed, event_types, active, position_xid::text AS position_xid, position_id, created_at, updated_at`;
const DELIVERY_COLUMNS = `id, delivery_id, agency_code, feed_id, status, replay, attempts, created_at, first_attempt_at, last_attempt_at,
  next_attempt_at, last_status_code, last_error, delivered_at`;

/**
 * Subscriptions and deliveries. Order per agency: deliveries are created in feed order by one enqueuer at a time
 * (the subscription row is locked), and only the oldest pending delivery of an agency (its head) may be claimed,
 * under a lease, so one item is in flight per agency and never twice.
 */
@Injectable()
export class WebhookStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates (starting at `start`: only what comes next) or replaces a subscription; keeps its position. */
  async upsert(tx: EntityManager, s: { agencyCode: string; url: string; secretSealed: string; eventTypes: string[]; active: boolean; updatedBy: string }, start: FeedPosition): Promise<Subscription> {
    const [row] = await tx.query(
      `INSERT INTO agency_webhook (agency_code, url, secret_sealed, event_types, active, position_xid, position_id, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6::text::xid8, $7, $8)
       ON CONFLICT (agency_code) DO UPDATE SET url = EXCLUDED.url, secret_sealed = EXCLUDED.secret_sealed, event_types = EXCLUDED.event_types,
         active = EXCLUDED.active, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [s.agencyCode, s.url, s.secretSealed, s.eventTypes, s.active, start.xid.toString(), start.id.toString(), s.updatedBy],
    );
    return toSubscription(row);
  }

  async find(agencyCode: string, runner: DataSource | EntityManager = this.dataSource): Promise<Subscription | null> {
    const [row] = await runner.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM agency_webhook WHERE agency_code = $1`, [agencyCode]);
    return row ? toSubscription(row) : null;
  }

  /** Active subscriptions no other enqueuer holds, locked for the caller's transaction. */
  async lockActive(tx: EntityManager, limit: number): Promise<Subscription[]> {
    const rows: unknown[] = await tx.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM agency_webhook WHERE active ORDER BY agency_code LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toSubscription);
  }

  async enqueue(tx: EntityManager, agencyCode: string, feedIds: readonly string[], position: FeedPosition): Promise<void> {
    if (feedIds.length > 0) {
      await tx.query(
        `INSERT INTO agency_webhook_delivery (agency_code, feed_id) SELECT $1, f FROM unnest($2::bigint[]) WITH ORDINALITY AS t(f, n) ORDER BY n`,
        [agencyCode, feedIds],
      );
    }
    await tx.query(`UPDATE agency_webhook SET position_xid = $2::text::xid8, position_id = $3 WHERE agency_code = $1`, [agencyCode, position.xid.toString(), position.id.toString()]);
  }

  /** Re-sends: a new delivery of every item of the agency's feed from `from` (included) up to its position, in order. */
  async replay(tx: EntityManager, agencyCode: string, from: FeedPosition, eventTypes: readonly string[]): Promise<number> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO agency_webhook_delivery (agency_code, feed_id, replay)
       SELECT $1, f.id, true FROM agency_feed f, agency_webhook w
        WHERE w.agency_code = $1 AND f.agency_code = $1 AND f.type = ANY($4::text[])
          AND (f.xid, f.id) >= ($2::text::xid8, $3::bigint) AND (f.xid, f.id) <= (w.position_xid, w.position_id)
        ORDER BY f.xid, f.id
       RETURNING id`,
      [agencyCode, from.xid.toString(), from.id.toString(), eventTypes],
    );
    return rows.length;
  }

  /**
   * Claims the head delivery of up to `limit` agencies whose head is due and not in flight. The conditions on `d`
   * are checked again on the locked row, so two replicas never both claim one delivery.
   */
  async claimHeads(limit: number, leaseMs: number): Promise<Delivery[]> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH heads AS (
         SELECT DISTINCT ON (agency_code) id FROM agency_webhook_delivery WHERE status = 'PENDING' ORDER BY agency_code, id
       ), due AS (
         SELECT d.id FROM agency_webhook_delivery d JOIN heads USING (id)
          WHERE d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
          LIMIT $1
       )
       UPDATE agency_webhook_delivery d
          SET lease_until = now() + make_interval(secs => $2::double precision / 1000), attempts = d.attempts + 1,
              first_attempt_at = COALESCE(d.first_attempt_at, now()), last_attempt_at = now()
         FROM due
        WHERE d.id = due.id AND d.status = 'PENDING' AND (d.lease_until IS NULL OR d.lease_until < now())
       RETURNING ${DELIVERY_COLUMNS.split(',').map((c) => `d.${c.trim()}`).join(', ')}`,
      [limit, leaseMs],
    );
    return (rows as unknown[][]).length === 0 ? [] : (rows[0] as unknown[]).map(toDelivery);
  }

  async delivered(id: string, statusCode: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE agency_webhook_delivery SET status = 'DELIVERED', delivered_at = now(), last_status_code = $2, last_error = NULL, lease_until = NULL WHERE id = $1`,
      [id, statusCode],
    );
  }

  async failed(id: string, statusCode: number | null, error: string, nextAttemptAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE agency_webhook_delivery SET next_attempt_at = $4, last_status_code = $2, last_error = $3, lease_until = NULL WHERE id = $1`,
      [id, statusCode, error.slice(0, 500), nextAttemptAt],
    );
  }

  /** Parks the failing head and every later pending delivery of its agency (they would otherwise overtake it). */
  async park(delivery: Delivery, statusCode: number | null, error: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE agency_webhook_delivery SET status = 'PARKED', last_status_code = $2, last_error = $3, lease_until = NULL WHERE id = $1`, [
        delivery.id,
        statusCode,
        error.slice(0, 500),
      ]);
      await tx.query(`UPDATE agency_webhook_delivery SET status = 'PARKED', last_error = 'parked behind delivery ' || $3 WHERE agency_code = $1 AND status = 'PENDING' AND id > $2`, [
        delivery.agencyCode,
        delivery.id,
        delivery.deliveryId,
      ]);
    });
  }

  /** An agency's deliveries, newest first, those before the sequence `before` (keyset on the agency's (agency_code, id) index). */
  async list(
    agencyCode: string,
    limit: number,
    status: DeliveryStatus | null,
    before: bigint | null,
  ): Promise<Array<Delivery & { seq: bigint; cursor: { xid: bigint; id: bigint }; type: string; dossierCode: string }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS.split(',').map((c) => `d.${c.trim()}`).join(', ')}, d.id::text AS seq, f.xid::text AS feed_xid, f.type, f.dossier_code
         FROM agency_webhook_delivery d JOIN agency_feed f ON f.id = d.feed_id
        WHERE d.agency_code = $1 AND ($3::text IS NULL OR d.status = $3) AND ($4::bigint IS NULL OR d.id < $4)
        ORDER BY d.id DESC LIMIT $2`,
      [agencyCode, limit, status, before === null ? null : before.toString()],
    );
    return rows.map((r) => ({
      ...toDelivery(r),
      seq: BigInt(r.seq as string),
      cursor: { xid: BigInt(r.feed_xid as string), id: BigInt(r.feed_id as string) },
      type: r.type as string,
      dossierCode: r.dossier_code as string,
    }));
  }
}

function toSubscription(raw: unknown): Subscription {
  const r = raw as Record<string, unknown>;
  return {
    agencyCode: r.agency_code as string,
    url: r.url as string,
    secretSealed: r.secret_sealed as string,
    eventTypes: r.event_types as string[],
    active: r.active as boolean,
    position: { xid: BigInt(r.position_xid as string), id: BigInt(r.position_id as string) },
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

function toDelivery(raw: unknown): Delivery {
  const r = raw as Record<string, unknown>;
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: String(r.id),
    deliveryId: r.delivery_id as string,
    agencyCode: r.agency_code as string,
    feedId: String(r.feed_id),
    status: r.status as DeliveryStatus,
    replay: r.replay as boolean,
    attempts: Number(r.attempts),
    createdAt: new Date(r.created_at as string),
    firstAttemptAt: date(r.first_attempt_at),
    lastAttemptAt: date(r.last_attempt_at),
    nextAttemptAt: new Date(r.next_attempt_at as string),
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: (r.last_error as string | null) ?? null,
    deliveredAt: date(r.delivered_at),
  };
}
