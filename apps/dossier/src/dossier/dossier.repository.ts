import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxInsertFrom, type PreparedEvent } from '@hub/messaging';
import { queryPrepared } from '@hub/persistence';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { DossierState } from './domain/dossier-state';
import type { NewFeedRow } from '../agency-feed/agency-feed.store';
import { DossierEntity, DossierStatusHistoryEntity } from './dossier.entity';
import { historyRowsOf, rowOf } from './dossier-row.mapper';
import { DossierStateStore, type StoredDossier } from './dossier-state.store';

// The sequence part of a code as `formatDossierCode` writes it: at least four digits, never truncated.
const SEQUENCE_TEXT = `CASE WHEN s.last_value < 10000 THEN lpad(s.last_value::text, 4, '0') ELSE s.last_value::text END`;

/**
 * Numbers, stores and announces a new dossier in ONE statement, run as its own transaction: the next value of the
 * agency's daily sequence, the dossier row, its first history row, its outbox events and its item in the receiving
 * agency's feed ($8, when given). The counter row stays locked
 * only while this statement runs and commits, so one agency's intakes serialise on one commit rather than on a chain
 * of round trips, and codes have neither gaps nor duplicates: counter, dossier and events commit or roll back
 * together. The rows and events are built in memory under a placeholder code ($6), replaced here by the real one.
 * A code already taken (an agency system synced a counter dossier under it) inserts nothing and returns no code:
 * the number is used, so skipping it leaves no gap, and the caller tries the next one.
 */
const INSERT_NUMBERED = `
  WITH s AS (
    INSERT INTO dossier_code_sequence (agency_code, receipt_date, last_value) VALUES ($1, $2, 1)
    ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
    RETURNING last_value
  ), c AS (
    SELECT $3::text || ${SEQUENCE_TEXT} AS code FROM s
  ), d AS (
    INSERT INTO dossier SELECT r.* FROM c, jsonb_populate_record(NULL::dossier, replace($4::text, $6, c.code)::jsonb) AS r
    ON CONFLICT (code) DO NOTHING RETURNING code
  ), h AS (
    INSERT INTO dossier_status_history
    SELECT r.* FROM d, jsonb_populate_recordset(NULL::dossier_status_history, replace($5::text, $6, d.code)::jsonb) AS r
  ), events AS (
    SELECT e."eventId", e.topic, d.code AS key, replace(e.payload::text, $6, d.code)::jsonb AS payload, e.headers
      FROM d, jsonb_to_recordset($7::jsonb) AS e("eventId" uuid, topic text, payload jsonb, headers jsonb)
  ), o AS (${outboxInsertFrom('events')}
  ), f AS (
    INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key)
    SELECT r.agency_code, d.code, r.type, r.occurred_at, r.data, r.source_key
      FROM d, jsonb_to_record(replace($8::text, $6, d.code)::jsonb) AS r(agency_code text, type text, occurred_at timestamptz, data jsonb, source_key text)
     WHERE $8::text IS NOT NULL
    ON CONFLICT (source_key) DO NOTHING
  )
  SELECT (SELECT code FROM c) AS allocated, (SELECT code FROM d) AS stored`;

@Injectable()
export class DossierRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DossierStateStore,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Next value of the receiving agency's daily sequence. The counter row is locked until the caller's
   * transaction ends and rolls back with it, so codes have neither gaps nor duplicates.
   */
  async nextDailySequence(tx: EntityManager, agencyCode: string, receiptDate: string): Promise<number> {
    const [row] = await tx.query(
      `INSERT INTO dossier_code_sequence (agency_code, receipt_date, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
       RETURNING last_value`,
      [agencyCode, receiptDate],
    );
    return Number(row.last_value);
  }

  /**
   * Stores a new dossier under the next code of `codePrefix` (`<agency>-<YYMMDD>-`), with its history and events, in
   * one statement (see INSERT_NUMBERED), and its feed item if given. `dossier`, `events` and `feedItem` carry
   * `placeholder` wherever the code belongs.
   * Returns the code, or `null` when the allocated code was already taken (nothing was stored; call again).
   */
  async insertNumbered(
    codePrefix: string,
    receiptDate: string,
    placeholder: string,
    dossier: StoredDossier,
    events: readonly PreparedEvent[],
    lookupKeyHashOf: (code: string) => string,
    feedItem: NewFeedRow | null = null,
  ): Promise<string | null> {
    const { state, identity } = dossier;
    // The lookup key's hash is bound to the code, known only once numbered: set in the same transaction.
    return this.dataSource.transaction(async (tx) => {
      const [row] = await queryPrepared<{ stored: string | null }>(tx, 'hub_dossier_intake', INSERT_NUMBERED, [
        state.receivingAgencyCode,
        receiptDate,
        codePrefix,
        JSON.stringify(this.columnsOf(DossierEntity, rowOf(state, identity))),
        JSON.stringify(historyRowsOf(state, 0).map((h) => this.columnsOf(DossierStatusHistoryEntity, h))),
        placeholder,
        JSON.stringify(events.map(({ eventId, topic, payload, headers }) => ({ eventId, topic, payload, headers }))),
        feedItem && JSON.stringify({ agency_code: feedItem.agencyCode, type: feedItem.type, occurred_at: feedItem.occurredAt, data: feedItem.data, source_key: feedItem.sourceKey }),
      ]);
      const code: string | null = row.stored ?? null;
      if (code !== null) await queryPrepared(tx, 'hub_dossier_intake_lookup_key', 'UPDATE dossier SET lookup_key_hash = $2 WHERE code = $1', [code, lookupKeyHashOf(code)]);
      return code;
    });
  }

  /** An entity as `{ column_name: value }`, the shape `jsonb_populate_record` reads. */
  private columnsOf<T extends ObjectLiteral>(target: EntityTarget<T>, entity: T): Record<string, unknown> {
    const columns = this.dataSource.getMetadata(target).columns;
    return Object.fromEntries(columns.map((c) => [c.databaseName, c.getEntityValue(entity) ?? null]));
  }

  /** A new dossier with its first status change. */
  insert(tx: EntityManager, dossier: StoredDossier): Promise<void> {
    return this.store.save(tx, [{ before: null, after: dossier }]);
  }

  /** The domain state of one dossier (with its history and notices), read without a lock. */
  async findState(code: string): Promise<DossierState | null> {
    return (await this.store.load(this.dataSource.manager, [code])).get(code)?.state ?? null;
  }
}
