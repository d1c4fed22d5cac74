import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN, RATING_CRITERIA, SATISFACTION_LEVELS, type CriterionRatingV1 } from '@hub/contracts';
import { agencyScopeOf, invalidInput, isInAgencyScope, requireVisible, type CallerIdentity } from '@hub/platform';
import { callerSeesPersonalData } from '../../rateable-dossier/dossier-visibility';
import { RateableDossierErrors } from '../../rateable-dossier/rateable-dossier.errors';
import { RateableDossierRepository } from '../../rateable-dossier/rateable-dossier.repository';
import { RatingsRepository } from '../ratings.repository';
import { CRITERIA_COUNTS_EXAMPLE, CRITERIA_EXAMPLE, LEVEL_COUNTS_EXAMPLE, RATED_AT_EXAMPLE, RATING_ID_EXAMPLE } from './rating.examples';

const LOCAL_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

export class RatingHistoryQuery {
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE }) @Matches(DOSSIER_CODE_PATTERN, { message: `dossierCode must look like ${DOSSIER_CODE_EXAMPLE}` }) dossierCode!: string;
}

export class RatingSummaryQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(AGENCY_CODE_PATTERN, { message: 'agency must look like 000.00.15.H31 or H55.242' }) agency?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PROCEDURE_CODE_PATTERN, { message: 'procedure must look like 1.001234' }) procedure?: string;
  @ApiProperty({ example: '2026-01-01', description: 'First day, Asia/Ho_Chi_Minh' }) @Matches(LOCAL_DATE, { message: 'from must be a day YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2026-01-31', description: 'Last day (inclusive), Asia/Ho_Chi_Minh' }) @Matches(LOCAL_DATE, { message: 'to must be a day YYYY-MM-DD' }) to!: string;
}

export class RatingView {
  @ApiProperty({ format: 'uuid', example: RATING_ID_EXAMPLE }) ratingId!: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS, example: 'VERY_SATISFIED' }) level!: string;
  @ApiProperty({ type: Object, isArray: true, example: CRITERIA_EXAMPLE }) criteria!: CriterionRatingV1[];
  @ApiPropertyOptional({ description: 'Only for the owning agency and operators', example: 'Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn' }) comment?: string | null;
  @ApiProperty({ example: 'ONLINE' }) channel!: string;
  @ApiProperty({ format: 'date-time', example: RATED_AT_EXAMPLE }) ratedAt!: string;
  @ApiProperty({ example: true }) active!: boolean;
}

export class RatingHistoryView {
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE }) dossierCode!: string;
  @ApiProperty({ type: [RatingView] }) ratings!: RatingView[];
}

type LevelCounts = Record<(typeof SATISFACTION_LEVELS)[number], number>;

export class RatingSummaryView {
  @ApiProperty({ description: 'Dossiers whose active rating was given in the window', example: 402 }) total!: number;
  @ApiProperty({ type: Object, example: LEVEL_COUNTS_EXAMPLE }) levels!: LevelCounts;
  @ApiProperty({ type: Object, description: 'criterion → counts per level', example: CRITERIA_COUNTS_EXAMPLE }) criteria!: Record<string, LevelCounts>;
}

const zeroLevels = (): LevelCounts => ({ VERY_SATISFIED: 0, SATISFIED: 0, NOT_SATISFIED: 0 });

@Injectable()
export class RatingQueries {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly dossiers: RateableDossierRepository,
  ) {}

  /** Every rating of a dossier, newest first; comments only for the owning agency and operators. */
  async history(dossierCode: string, caller: CallerIdentity): Promise<RatingHistoryView> {
    const found = await this.dossiers.findByCode(dossierCode);
    const dossier = requireVisible(caller, found, (d) => d.receivingAgencyCode, () => RateableDossierErrors.notFound(dossierCode));
    const personal = callerSeesPersonalData(caller, dossier.receivingAgencyCode);
    const rows = await this.ratings.history(dossierCode);
    return {
      dossierCode,
      ratings: rows.map((r, i) => ({
        ratingId: r.ratingId,
        level: r.level,
        criteria: r.criteria,
        ...(personal ? { comment: r.comment } : {}),
        channel: r.channel,
        ratedAt: r.ratedAt.toISOString(),
        active: i === 0,
      })),
    };
  }

  /** Counts per level and per criterion of the active ratings given in the window; agency systems see their own agencies. */
  async summary(q: RatingSummaryQuery, caller: CallerIdentity): Promise<RatingSummaryView> {
    if (q.from > q.to) throw invalidInput([{ field: 'to', code: 'INVALID_RANGE', message: 'to must not be before from' }]);
    if (q.agency && !isInAgencyScope(caller, q.agency)) throw invalidInput([{ field: 'agency', code: 'NOT_YOUR_AGENCY', message: 'agency must be one of the caller’s agencies' }]);
    const scope = agencyScopeOf(caller);
    const agencyCodes = q.agency ? [q.agency] : scope === 'all' ? null : [...scope];
    const from = new Date(`${q.from}T00:00:00+07:00`);
    const to = new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000);
    const rows = await this.ratings.activeRatings({ agencyCodes, procedureCode: q.procedure ?? null, from, to });
    const levels = zeroLevels();
    const criteria = Object.fromEntries(RATING_CRITERIA.map((c) => [c, zeroLevels()])) as Record<string, LevelCounts>;
    for (const r of rows) {
      levels[r.level as keyof LevelCounts] += 1;
      for (const c of r.criteria) criteria[c.criterion][c.level] += 1;
    }
    return { total: rows.length, levels, criteria };
  }
}
