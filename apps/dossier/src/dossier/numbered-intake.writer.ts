import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxInsertFrom, type PreparedEvent } from '@hub/messaging';
import { GroupCommit, GroupRolledBack, jsonInstant, queryPrepared } from '@hub/persistence';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { NewFeedRow } from '../agency-feed/agency-feed.store';
import { DossierEntity, DossierStatusHistoryEntity } from './dossier.entity';
import { historyRowsOf, rowOf } from './dossier-row.mapper';
import type { StoredDossier } from './dossier-state.store';
import { columnValuesOf } from './entity-columns';
import { lookupHashSql } from './lookup-key';

/** One online intake to number and store. `dossier`, `events` and `feedItem` carry `placeholder` wherever the code belongs. */
export interface NumberedIntake {
  /** The procedure version the intake was decided under: stored only if it is still the one in force at `receivedAt`. */
  procedure: { code: string; version: number };
  receivedAt: Date;
  /** `<agency>-<YYMMDD>-`: the code is this plus the next value of the agency's daily sequence. */
  codePrefix: string;
  receiptDate: string;
  placeholder: string;
  dossier: StoredDossier;
  events: readonly PreparedEvent[];
  /** The lookup key's tag (`LookupKeys.tag`): the statement binds it to the code into the stored hash. */
  lookupKeyTag: string;
  feedItem: NewFeedRow | null;
}

/**
 * What became of one intake: stored under `code`; or nothing stored because its code was already taken (call again,
 * the next number is free) or because the procedure version it was decided under is no longer the one in force
 * (a newer version or a withdrawal reached the read model: decide it again against the current one).
 */
export type IntakeOutcome = { stored: true; code: string } | { stored: false; reason: 'code-taken' | 'procedure-changed' };

/** The most intakes one transaction numbers: at 16–64 concurrent requests a group is rarely larger. */
export const MAX_INTAKE_GROUP = 64;

/**
 * Numbers, stores and announces a group of new dossiers in ONE statement: for each (agency, receipt date) in the
 * group, the daily sequence moves by the group's count for it (one row lock per agency, taken in a fixed order, so
 * two replicas' groups cannot deadlock) and its intakes take the values in order; then the dossier rows, their
 * first history rows, their outbox events and their items in the receiving agency's feed. The rows and events were
 * built in memory under a placeholder of the code's shape, replaced here by the real code. Counter, dossiers and
 * events commit or roll back together, so codes have neither gaps nor duplicates. A code already taken (an agency
 * system synced a counter dossier under it) stores nothing for that intake and reports it unstored: the number is
 * used, so skipping it leaves no gap, and the caller tries the next one. An intake whose procedure version is no
 * longer the one in force at its receipt (`in_force`: the rule of `versionInForce`) takes no number at all.
 */
const INSERT_NUMBERED_GROUP = `
  WITH req AS (
    SELECT * FROM ROWS FROM (json_to_recordset($1::json) AS (agency_code text, receipt_date date, prefix text, placeholder text, dossier text,
                                                            history text, events text, feed text, procedure_code text,
                                                            procedure_version int, received_at timestamptz, lookup_key_tag text))
      WITH ORDINALITY AS r(agency_code, receipt_date, prefix, placeholder, dossier, history, events, feed, procedure_code, procedure_version, received_at,
                           lookup_key_tag, i)
  ), in_force AS (
    SELECT r.* FROM req r
     WHERE EXISTS (SELECT 1 FROM procedure_version v WHERE v.code = r.procedure_code AND v.version = r.procedure_version AND v.effective_from <= r.received_at)
       AND NOT EXISTS (SELECT 1 FROM procedure_version v WHERE v.code = r.procedure_code AND v.version > r.procedure_version AND v.effective_from <= r.received_at)
       AND NOT EXISTS (SELECT 1 FROM procedure_withdrawal w WHERE w.code = r.procedure_code AND w.withdrawn_at <= r.received_at)
  ), counts AS (
    SELECT agency_code, receipt_date, count(*)::int AS n FROM in_force GROUP BY agency_code, receipt_date
  ), s AS (
    INSERT INTO dossier_code_sequence (agency_code, receipt_date, last_value)
    SELECT agency_code, receipt_date, n FROM counts ORDER BY agency_code, receipt_date
    ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_value = dossier_code_sequence.last_value + EXCLUDED.last_value
    RETURNING agency_code, receipt_date, last_value
  ), seq AS (
    SELECT r.*, s.last_value - c.n + row_number() OVER (PARTITION BY r.agency_code, r.receipt_date ORDER BY r.i) AS value
      FROM in_force r JOIN counts c USING (agency_code, receipt_date) JOIN s USING (agency_code, receipt_date)
  ), coded AS (
    -- The sequence part as formatDossierCode writes it: at least four digits, never truncated.
    SELECT seq.*, prefix || CASE WHEN value < 10000 THEN lpad(value::text, 4, '0') ELSE value::text END AS code FROM seq
  ), d AS (
    INSERT INTO dossier
    SELECT p.* FROM coded, jsonb_populate_record(NULL::dossier, replace(coded.dossier, coded.placeholder, coded.code)::jsonb
                                                   || jsonb_build_object('lookup_key_hash', ${lookupHashSql('coded.code', 'coded.lookup_key_tag')})) AS p
    ON CONFLICT (code) DO NOTHING RETURNING code
  ), stored AS (
    SELECT coded.* FROM coded JOIN d USING (code)
  ), h AS (
    INSERT INTO dossier_status_history
    SELECT p.* FROM stored, jsonb_populate_recordset(NULL::dossier_status_history, replace(stored.history, stored.placeholder, stored.code)::jsonb) AS p
  ), events AS (
    SELECT e."eventId", e.topic, stored.code AS key, e.payload, e.headers
      FROM stored, ROWS FROM (jsonb_to_recordset(replace(stored.events, stored.placeholder, stored.code)::jsonb)
        AS ("eventId" uuid, topic text, payload jsonb, headers jsonb)) WITH ORDINALITY AS e("eventId", topic, payload, headers, k)
     ORDER BY stored.i, e.k
  ), o AS (${outboxInsertFrom('events')}
  ), f AS (
    INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key)
    SELECT p.agency_code, stored.code, p.type, p.occurred_at, p.data, p.source_key
      FROM stored, jsonb_to_record(replace(stored.feed, stored.placeholder, stored.code)::jsonb)
        AS p(agency_code text, type text, occurred_at timestamptz, data jsonb, source_key text)
     WHERE stored.feed IS NOT NULL
     ORDER BY stored.i
    ON CONFLICT (source_key) DO NOTHING
  )
  SELECT req.i, coded.code, d.code IS NOT NULL AS stored FROM req LEFT JOIN coded USING (i) LEFT JOIN d USING (code)`;

/**
 * Stores online intakes by group commit (`GroupCommit`): the intakes that arrive while a group is in flight are
 * numbered and stored together by the next, in the one statement above (its own transaction: one round trip and one
 * commit, whatever the group's size). A lone intake goes at once. A group the database refuses is stored again one
 * intake at a time, so a bad intake fails only its own request.
 */
@Injectable()
export class NumberedIntakeWriter {
  private readonly group = new GroupCommit<NumberedIntake, IntakeOutcome>({
    commit: (intakes) => this.insertGroup(intakes),
    maxGroup: MAX_INTAKE_GROUP,
    onFailure: 'isolate',
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What became of the intake, once its group is committed. */
  insert(intake: NumberedIntake): Promise<IntakeOutcome> {
    return this.group.submit(intake);
  }

  private async insertGroup(intakes: readonly NumberedIntake[]): Promise<IntakeOutcome[]> {
    const parameters = this.parametersOf(intakes);
    const runner = this.dataSource.createQueryRunner();
    let rows: { i: string; code: string | null; stored: boolean }[];
    try {
      rows = await queryPrepared(runner, 'hub_dossier_intake_group', INSERT_NUMBERED_GROUP, parameters);
    } catch (error) {
      // Refused by the database: the statement, its own transaction, rolled back; each intake may be stored again alone.
      throw isRefusal(error) ? new GroupRolledBack(error) : error;
    } finally {
      await runner.release();
    }
    const outcomes = intakes.map((): IntakeOutcome => ({ stored: false, reason: 'procedure-changed' }));
    // A row numbered but not stored had its code taken; a row without a code was refused before numbering.
    for (const row of rows) if (row.code !== null) outcomes[Number(row.i) - 1] = row.stored ? { stored: true, code: row.code } : { stored: false, reason: 'code-taken' };
    return outcomes;
  }

  /**
   * The statement's one parameter: the intakes as a JSON array, one object per intake with the columns of `req` above
   * (the dossier row, its history, events and feed item nested as JSON, which `json_to_recordset` hands over as their
   * text). One `JSON.stringify`, and no array literal for node-postgres to escape and PostgreSQL to parse.
   */
  private parametersOf(intakes: readonly NumberedIntake[]): [string] {
    const rows = intakes.map((intake) => {
      const { state, identity } = intake.dossier;
      return {
        agency_code: state.receivingAgencyCode,
        receipt_date: intake.receiptDate,
        prefix: intake.codePrefix,
        placeholder: intake.placeholder,
        dossier: this.columnsOf(DossierEntity, rowOf(state, identity)),
        history: historyRowsOf(state, 0).map((h) => this.columnsOf(DossierStatusHistoryEntity, h)),
        events: intake.events.map(({ eventId, topic, payload, headers }) => ({ eventId, topic, payload, headers })),
        feed: intake.feedItem && feedColumnsOf(intake.feedItem),
        procedure_code: intake.procedure.code,
        procedure_version: intake.procedure.version,
        received_at: jsonInstant(intake.receivedAt),
        lookup_key_tag: intake.lookupKeyTag,
      };
    });
    return [JSON.stringify(rows)];
  }

  private columnsOf<T extends ObjectLiteral>(target: EntityTarget<T>, entity: T): Record<string, unknown> {
    return columnValuesOf(this.dataSource.getMetadata(target), entity);
  }
}

/**
 * An error the database answered the statement with (it has an SQLSTATE), other than a lost connection (class 08)
 * or a server going down (57P): only then did the statement certainly not commit.
 */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? (error as { driverError?: { code?: unknown } })?.driverError?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57P');
}

function feedColumnsOf(item: NewFeedRow): Record<string, unknown> {
  return { agency_code: item.agencyCode, type: item.type, occurred_at: jsonInstant(item.occurredAt), data: item.data, source_key: item.sourceKey };
}
