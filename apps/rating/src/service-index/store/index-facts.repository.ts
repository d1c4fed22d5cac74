import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { contributionDelta, type Contribution } from '../domain/contributions';
import { statusChangeKey } from '../domain/dossier-batch';
import type { IndexedDossier } from '../domain/dossier-facts';

interface DossierRow {
  dossier_code: string;
  revision: number;
  status: number;
  agency_code: string;
  received_at: Date;
  channel: string;
  documents_digitised: boolean;
  finished_at: Date | null;
  timeliness: string | null;
  result_electronic: boolean;
  fee_total: string;
}

export interface ActiveRating {
  ratingId: string;
  agencyCode: string;
  level: string;
  ratedAt: Date;
}

/** Writes of the index's facts and counters; every method runs in the consumer's transaction. */
@Injectable()
export class IndexFactsRepository {
  /** Serialises the facts of one dossier across topics (received, status changes, payments, ratings). */
  async lockDossier(tx: EntityManager, dossierCode: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('index-dossier:' || $1, 0))`, [dossierCode]);
  }

  /**
   * The same lock for many dossiers in one statement, taken in the order of the lock keys: two chunks locking
   * overlapping sets (dossier.received and dossier.status-changed run concurrently) never deadlock.
   */
  async lockDossiers(tx: EntityManager, dossierCodes: readonly string[]): Promise<void> {
    if (dossierCodes.length === 0) return;
    await tx.query(
      `SELECT pg_advisory_xact_lock(k) FROM (
         SELECT DISTINCT hashtextextended('index-dossier:' || c, 0) AS k FROM unnest($1::text[]) AS c ORDER BY k
       ) AS keys`,
      [[...dossierCodes]],
    );
  }

  async findDossier(tx: EntityManager, dossierCode: string): Promise<IndexedDossier | null> {
    return (await this.findDossiers(tx, [dossierCode])).get(dossierCode) ?? null;
  }

  async findDossiers(tx: EntityManager, dossierCodes: readonly string[]): Promise<Map<string, IndexedDossier>> {
    const rows: DossierRow[] = await tx.query('SELECT * FROM index_dossier WHERE dossier_code = ANY($1::text[])', [[...dossierCodes]]);
    return new Map(rows.map((r) => [r.dossier_code, toIndexedDossier(r)]));
  }

  /** Inserts or replaces the index copies in one statement (one row per dossier). */
  async saveDossiers(tx: EntityManager, dossiers: readonly IndexedDossier[]): Promise<void> {
    if (dossiers.length === 0) return;
    const col = <T>(f: (d: IndexedDossier) => T) => dossiers.map(f);
    await tx.query(
      `INSERT INTO index_dossier (dossier_code, revision, status, agency_code, received_at, channel, documents_digitised, finished_at, timeliness, result_electronic, fee_total)
       SELECT * FROM unnest($1::text[], $2::int[], $3::smallint[], $4::text[], $5::timestamptz[], $6::text[], $7::bool[], $8::timestamptz[], $9::text[], $10::bool[], $11::bigint[])
       ON CONFLICT (dossier_code) DO UPDATE SET revision = excluded.revision, status = excluded.status, agency_code = excluded.agency_code,
         received_at = excluded.received_at, channel = excluded.channel, documents_digitised = excluded.documents_digitised,
         finished_at = excluded.finished_at, timeliness = excluded.timeliness, result_electronic = excluded.result_electronic, fee_total = excluded.fee_total`,
      [
        col((d) => d.dossierCode),
        col((d) => d.revision),
        col((d) => d.status),
        col((d) => d.agencyCode),
        col((d) => d.receivedAt),
        col((d) => d.channel),
        col((d) => d.documentsDigitised),
        col((d) => d.finishedAt),
        col((d) => d.timeliness),
        col((d) => d.resultElectronic),
        col((d) => d.feeTotal),
      ],
    );
  }

  /** The dossiers among these with a succeeded online payment. */
  async paidOnline(tx: EntityManager, dossierCodes: readonly string[]): Promise<Set<string>> {
    const rows: { dossier_code: string }[] = await tx.query('SELECT dossier_code FROM index_paid_dossier WHERE dossier_code = ANY($1::text[])', [[...dossierCodes]]);
    return new Set(rows.map((r) => r.dossier_code));
  }

  /** Records the status changes (dossier, revision) in one statement; returns the keys of those never seen before. */
  async firstStatusChanges(tx: EntityManager, changes: readonly { dossierCode: string; revision: number }[]): Promise<Set<string>> {
    if (changes.length === 0) return new Set();
    const rows: { dossier_code: string; revision: number }[] = await tx.query(
      `INSERT INTO index_status_change (dossier_code, revision) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT DO NOTHING RETURNING dossier_code, revision`,
      [changes.map((c) => c.dossierCode), changes.map((c) => c.revision)],
    );
    return new Set(rows.map((r) => statusChangeKey(r.dossier_code, r.revision)));
  }

  /** True when this is the first succeeded payment known for the dossier. */
  async markPaidOnline(tx: EntityManager, dossierCode: string, paymentId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'INSERT INTO index_paid_dossier (dossier_code, payment_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [dossierCode, paymentId],
    );
    return rows.length > 0;
  }

  /** True the first time this procedure version is seen. */
  async firstProcedureVersion(tx: EntityManager, procedureCode: string, version: number): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'INSERT INTO index_procedure_version (procedure_code, version) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [procedureCode, version],
    );
    return rows.length > 0;
  }

  async findActiveRating(tx: EntityManager, dossierCode: string): Promise<ActiveRating | null> {
    const rows: Array<{ rating_id: string; agency_code: string; level: string; rated_at: Date }> = await tx.query(
      'SELECT rating_id, agency_code, level, rated_at FROM index_active_rating WHERE dossier_code = $1',
      [dossierCode],
    );
    const r = rows[0];
    return r ? { ratingId: r.rating_id, agencyCode: r.agency_code, level: r.level, ratedAt: r.rated_at } : null;
  }

  async saveActiveRating(tx: EntityManager, dossierCode: string, r: ActiveRating): Promise<void> {
    await tx.query(
      `INSERT INTO index_active_rating (dossier_code, rating_id, agency_code, level, rated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dossier_code) DO UPDATE SET rating_id = excluded.rating_id, agency_code = excluded.agency_code, level = excluded.level, rated_at = excluded.rated_at`,
      [dossierCode, r.ratingId, r.agencyCode, r.level, r.ratedAt],
    );
  }

  /** Keeps the highest revision of each agency (an event without a revision always applies). */
  async upsertAgency(tx: EntityManager, a: { code: string; name: string; level: string; parentCode: string | null; active: boolean; revision: number }): Promise<void> {
    await tx.query(
      `INSERT INTO index_agency (code, name, level, parent_code, active, revision) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, active = excluded.active, revision = excluded.revision
       WHERE index_agency.revision <= excluded.revision`,
      [a.code, a.name, a.level, a.parentCode, a.active, a.revision],
    );
  }

  /**
   * Appends the deltas (a counter is the sum of its rows). Append-only, so partitions applied concurrently never
   * wait on, or deadlock over, the row of a busy agency's month.
   */
  async addToCounters(tx: EntityManager, deltas: readonly Contribution[]): Promise<void> {
    const merged = contributionDelta([], deltas);
    if (merged.length === 0) return;
    await tx.query(
      `INSERT INTO index_counter (agency_code, month, indicator, numerator, denominator)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])`,
      [merged.map((d) => d.agencyCode), merged.map((d) => d.month), merged.map((d) => d.indicator), merged.map((d) => d.numerator), merged.map((d) => d.denominator)],
    );
  }
}

function toIndexedDossier(r: DossierRow): IndexedDossier {
  return {
    dossierCode: r.dossier_code,
    revision: r.revision,
    status: r.status,
    agencyCode: r.agency_code,
    receivedAt: r.received_at,
    channel: r.channel,
    documentsDigitised: r.documents_digitised,
    finishedAt: r.finished_at,
    timeliness: r.timeliness,
    resultElectronic: r.result_electronic,
    feeTotal: Number(r.fee_total),
  };
}
