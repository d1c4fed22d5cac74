import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CriterionRatingV1 } from '@hub/contracts';

export interface RatingRow {
  ratingId: string;
  sourceRatingId: string | null;
  sourceClientId: string | null;
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  level: string;
  criteria: CriterionRatingV1[];
  comment: string | null;
  channel: string;
  ratedAt: Date;
  recordedAt: Date;
}

type DbRow = {
  rating_id: string;
  source_rating_id: string | null;
  source_client_id: string | null;
  dossier_code: string;
  procedure_code: string;
  agency_code: string;
  level: string;
  criteria: CriterionRatingV1[];
  comment: string | null;
  channel: string;
  rated_at: Date;
  recorded_at: Date;
};

const fromDb = (r: DbRow): RatingRow => ({
  ratingId: r.rating_id,
  sourceRatingId: r.source_rating_id,
  sourceClientId: r.source_client_id,
  dossierCode: r.dossier_code,
  procedureCode: r.procedure_code,
  agencyCode: r.agency_code,
  level: r.level,
  criteria: r.criteria,
  comment: r.comment,
  channel: r.channel,
  ratedAt: r.rated_at,
  recordedAt: r.recorded_at,
});

/** Every rating ever given (the history); the active one of a dossier is the latest `ratedAt`, then rating id. */
@Injectable()
export class RatingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless the same source rating id of the same client exists; returns the stored id either way. */
  async insert(tx: EntityManager, r: RatingRow): Promise<{ ratingId: string; created: boolean }> {
    const inserted: Array<{ rating_id: string }> = await tx.query(
      `INSERT INTO rating (rating_id, source_rating_id, source_client_id, dossier_code, procedure_code, agency_code, level, criteria, comment, channel, rated_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (source_client_id, source_rating_id) DO NOTHING RETURNING rating_id`,
      [r.ratingId, r.sourceRatingId, r.sourceClientId, r.dossierCode, r.procedureCode, r.agencyCode, r.level, JSON.stringify(r.criteria), r.comment, r.channel, r.ratedAt, r.recordedAt],
    );
    if (inserted.length > 0) return { ratingId: inserted[0].rating_id, created: true };
    const existing: Array<{ rating_id: string }> = await tx.query('SELECT rating_id FROM rating WHERE source_client_id = $1 AND source_rating_id = $2', [r.sourceClientId, r.sourceRatingId]);
    return { ratingId: existing[0].rating_id, created: false };
  }

  async activeId(tx: EntityManager, dossierCode: string): Promise<string | null> {
    const rows: Array<{ rating_id: string }> = await tx.query(
      'SELECT rating_id FROM rating WHERE dossier_code = $1 ORDER BY rated_at DESC, rating_id DESC LIMIT 1',
      [dossierCode],
    );
    return rows[0]?.rating_id ?? null;
  }

  async history(dossierCode: string): Promise<RatingRow[]> {
    const rows: DbRow[] = await this.dataSource.query('SELECT * FROM rating WHERE dossier_code = $1 ORDER BY rated_at DESC, rating_id DESC', [dossierCode]);
    return rows.map(fromDb);
  }

  /** Active ratings (one per dossier) in a window of `ratedAt`, optionally for some agencies and one procedure. */
  async activeRatings(filter: { agencyCodes: string[] | null; procedureCode: string | null; from: Date; to: Date }): Promise<Array<Pick<RatingRow, 'level' | 'criteria'>>> {
    const rows: Array<{ level: string; criteria: CriterionRatingV1[] }> = await this.dataSource.query(
      `SELECT level, criteria FROM (
         SELECT DISTINCT ON (dossier_code) dossier_code, level, criteria, agency_code, procedure_code, rated_at
         FROM rating ORDER BY dossier_code, rated_at DESC, rating_id DESC
       ) active
       WHERE rated_at >= $1 AND rated_at < $2 AND ($3::text[] IS NULL OR agency_code = ANY($3)) AND ($4::text IS NULL OR procedure_code = $4)`,
      [filter.from, filter.to, filter.agencyCodes, filter.procedureCode],
    );
    return rows;
  }
}
