import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgencyFeedItemType } from '@hub/contracts';
import type { SqlCondition } from '@hub/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { FeedPosition } from './feed-cursor';

/** One feed row as stored; `data` holds the dossier and the section of its type. */
export interface FeedRow {
  position: FeedPosition;
  agencyCode: string;
  dossierCode: string;
  type: AgencyFeedItemType;
  occurredAt: Date;
  recordedAt: Date;
  data: Record<string, unknown>;
}

export interface NewFeedRow {
  agencyCode: string;
  dossierCode: string;
  type: AgencyFeedItemType;
  occurredAt: Date;
  data: Record<string, unknown>;
  /** What the row records (an event id, a payment id…): recording it twice changes nothing. */
  sourceKey: string;
}

interface RawRow {
  id: string;
  xid: string;
  agency_code: string;
  dossier_code: string;
  type: AgencyFeedItemType;
  occurred_at: Date;
  recorded_at: Date;
  data: Record<string, unknown>;
}

/**
 * The horizon of the reading statement's snapshot: the oldest transaction still running in it, leaving out those
 * that run in another database of the server (they can never write this feed) — else one long transaction anywhere
 * on a shared server would hold every feed back. A transaction that cannot be placed (it ended since, or its
 * session is hidden for lack of pg_read_all_stats) counts, which is only ever more cautious.
 */
const HORIZON = `LEAST(
    pg_snapshot_xmax(pg_current_snapshot()),
    (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
      WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                         WHERE a.backend_xid::text = (x::text::bigint % 4294967296)::text AND a.datname <> current_database())))`;

/**
 * The feed's SQL. The gap-free rule lives here: rows are served in (xid, id) order and only when `xid` is below the
 * horizon of the reading statement's snapshot — every transaction below it that could write the feed has ended, so
 * no row can still appear before a position that was served, whatever order transactions commit in. One statement
 * computes the horizon and reads the rows, so both come from the same snapshot.
 */
@Injectable()
export class AgencyFeedStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts in the caller's transaction; the trigger's NOTIFY is delivered when it commits. */
  async insert(tx: EntityManager, row: NewFeedRow): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [row.agencyCode, row.dossierCode, row.type, row.occurredAt, row.data, row.sourceKey],
    );
    return inserted.length > 0;
  }

  /** Rows after `after` in feed order that no later commit can precede, limited to `scope` and `types`. */
  async page(after: FeedPosition, limit: number, scope: (firstParam: number) => SqlCondition, types: readonly string[] | null = null, runner: DataSource | EntityManager = this.dataSource): Promise<FeedRow[]> {
    const condition = scope(types ? 5 : 4);
    const rows: RawRow[] = await runner.query(
      `SELECT id, xid::text AS xid, agency_code, dossier_code, type, occurred_at, recorded_at, data
         FROM agency_feed
        WHERE (xid, id) > ($1::text::xid8, $2::bigint)
          AND xid < ${HORIZON}
          ${types ? 'AND type = ANY($4::text[])' : ''}
          AND ${condition.sql}
        ORDER BY xid, id
        LIMIT $3`,
      [after.xid.toString(), after.id.toString(), limit, ...(types ? [types] : []), ...condition.params],
    );
    return rows.map(toFeedRow);
  }

  /** The position of the last row that is already final (below the horizon): where a new subscriber starts. */
  async head(runner: DataSource | EntityManager = this.dataSource): Promise<FeedPosition> {
    const [row]: Array<{ xid: string; id: string } | undefined> = await runner.query(
      `SELECT xid::text AS xid, id FROM agency_feed WHERE xid < ${HORIZON} ORDER BY xid DESC, id DESC LIMIT 1`,
    );
    return row ? { xid: BigInt(row.xid), id: BigInt(row.id) } : { xid: 0n, id: 0n };
  }

  async byIds(ids: readonly string[], runner: DataSource | EntityManager = this.dataSource): Promise<Map<string, FeedRow>> {
    const rows: RawRow[] = await runner.query(
      `SELECT id, xid::text AS xid, agency_code, dossier_code, type, occurred_at, recorded_at, data FROM agency_feed WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, toFeedRow(r)]));
  }
}

function toFeedRow(r: RawRow): FeedRow {
  return {
    position: { xid: BigInt(r.xid), id: BigInt(r.id) },
    agencyCode: r.agency_code,
    dossierCode: r.dossier_code,
    type: r.type,
    occurredAt: new Date(r.occurred_at),
    recordedAt: new Date(r.recorded_at),
    data: r.data,
  };
}
