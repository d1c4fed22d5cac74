import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxInsertFrom, type PreparedEvent } from '@hub/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { DossierEntity } from './dossier.entity';

/** A dossier to number and store; `code` is given by the statement that allocates its sequence. */
export type NewDossier = Omit<DossierEntity, 'code'>;

// The sequence of a code, as `formatDossierCode` writes it: at least four digits, never truncated.
const SEQUENCE_TEXT = `CASE WHEN s.last_value < 10000 THEN lpad(s.last_value::text, 4, '0') ELSE s.last_value::text END`;

/**
 * Numbers, stores and announces a dossier in ONE statement (run as its own transaction): the next value of the
 * agency's daily sequence, the dossier row and its outbox events. The sequence row stays locked only while that
 * statement runs and commits, so one agency's intakes serialise on a single commit, not on a chain of round trips;
 * and codes have neither gaps nor duplicates because the counter, the dossier and the events commit or roll back
 * together. Event payloads carry the code as `dossierCode` and are keyed by it; both are filled in here.
 */
const INSERT_NUMBERED = `
  WITH s AS (
    INSERT INTO dossier_code_sequence (agency_code, receipt_date, last_value) VALUES ($1, $2, 1)
    ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
    RETURNING last_value
  ), d AS (
    INSERT INTO dossier (code, procedure_code, procedure_version, receiving_agency_code, channel, status, submitted_by,
                         applicant, summary, lookup_key_hash, submitted_at, updated_at)
    SELECT $3 || ${SEQUENCE_TEXT}, n.procedure_code, n.procedure_version, n.receiving_agency_code, n.channel, n.status,
           n.submitted_by, n.applicant, n.summary, n.lookup_key_hash, n.submitted_at, n.updated_at
      FROM s, jsonb_to_record($4::jsonb) AS n(procedure_code text, procedure_version int, receiving_agency_code text,
           channel text, status smallint, submitted_by text, applicant jsonb, summary text, lookup_key_hash text,
           submitted_at timestamptz, updated_at timestamptz)
    RETURNING code
  ), events AS (
    SELECT e."eventId", e.topic, d.code AS key, jsonb_set(e.payload, '{dossierCode}', to_jsonb(d.code)) AS payload, e.headers
      FROM d, jsonb_to_recordset($5::jsonb) AS e("eventId" uuid, topic text, payload jsonb, headers jsonb)
  ), o AS (${outboxInsertFrom('events')})
  SELECT code FROM d`;

@Injectable()
export class DossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Stores a new dossier under the next code of `codePrefix` (`<agency>-<YYMMDD>-`) with its events, in one
   * statement and one transaction; returns the code. See INSERT_NUMBERED.
   */
  async insertNumbered(codePrefix: string, receiptDate: string, dossier: NewDossier, events: PreparedEvent[]): Promise<string> {
    const row = {
      procedure_code: dossier.procedureCode,
      procedure_version: dossier.procedureVersion,
      receiving_agency_code: dossier.receivingAgencyCode,
      channel: dossier.channel,
      status: dossier.status,
      submitted_by: dossier.submittedBy,
      applicant: dossier.applicant,
      summary: dossier.summary,
      lookup_key_hash: dossier.lookupKeyHash,
      submitted_at: dossier.submittedAt.toISOString(),
      updated_at: dossier.updatedAt.toISOString(),
    };
    const [{ code }] = await this.dataSource.query(INSERT_NUMBERED, [
      dossier.receivingAgencyCode,
      receiptDate,
      codePrefix,
      JSON.stringify(row),
      JSON.stringify(events.map(({ eventId, topic, payload, headers }) => ({ eventId, topic, payload, headers }))),
    ]);
    return code;
  }

  findByCode(code: string): Promise<DossierEntity | null> {
    return this.dataSource.manager.findOneBy(DossierEntity, { code });
  }
}
