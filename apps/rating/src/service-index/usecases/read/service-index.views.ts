import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AGENCY_LEVELS, type AgencyLevel } from '@hub/contracts';
import type { GroupScore, IndexScore, IndicatorScore } from '../../domain/score';
import { INDEX_SCORE_EXAMPLE } from './service-index.examples';

/** `YYYY-MM` (a month) or `YYYY` (a year), in Asia/Ho_Chi_Minh. */
export const PERIOD_PATTERN = /^(?:19[7-9]\d|[2-9]\d{3})(?:-(?:0[1-9]|1[0-2]))?$/;
export const MONTH_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const PERIOD_MESSAGE = { message: 'period must be a month YYYY-MM (01–12) or a year YYYY, e.g. 2026-01 or 2026' };

export class ServiceIndexPeriodQuery {
  @ApiProperty({ example: '2026-01' }) @Matches(PERIOD_PATTERN, PERIOD_MESSAGE) period!: string;
}

export class ServiceIndexRankingQuery extends ServiceIndexPeriodQuery {
  @ApiProperty({ enum: AGENCY_LEVELS }) @IsIn(AGENCY_LEVELS, { message: `level must be one of ${AGENCY_LEVELS.join(', ')}` }) level!: AgencyLevel;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class ServiceIndexHistoryQuery {
  @ApiProperty({ example: '2026-01' }) @Matches(MONTH_PATTERN, { message: 'from must be a month YYYY-MM' }) from!: string;
  @ApiProperty({ example: '2026-06' }) @Matches(MONTH_PATTERN, { message: 'to must be a month YYYY-MM' }) to!: string;
}

export class GroupScoreView implements GroupScore {
  @ApiProperty({ example: INDEX_SCORE_EXAMPLE.groups.PROGRESS.points }) points!: number;
  @ApiProperty({ description: 'Sum of the weights of the applicable indicators of the group', example: INDEX_SCORE_EXAMPLE.groups.PROGRESS.max }) max!: number;
}

export class IndicatorScoreView implements IndicatorScore {
  @ApiProperty({ example: INDEX_SCORE_EXAMPLE.indicators.onTimeRate.numerator }) numerator!: number;
  @ApiProperty({ example: INDEX_SCORE_EXAMPLE.indicators.onTimeRate.denominator }) denominator!: number;
  @ApiProperty({ nullable: true, type: Number, example: INDEX_SCORE_EXAMPLE.indicators.onTimeRate.value }) value!: number | null;
  @ApiProperty({ example: INDEX_SCORE_EXAMPLE.indicators.onTimeRate.target }) target!: number;
  @ApiProperty({ example: INDEX_SCORE_EXAMPLE.indicators.onTimeRate.weight }) weight!: number;
  @ApiProperty({ nullable: true, type: Number, example: INDEX_SCORE_EXAMPLE.indicators.onTimeRate.points }) points!: number | null;
}

export class RankingItemView {
  @ApiProperty({ example: '000.00.15.H31' }) agencyCode!: string;
  @ApiProperty({ example: 'Sở Xây dựng thành phố Hà Nội' }) name!: string;
  @ApiProperty({ nullable: true, type: Number, example: INDEX_SCORE_EXAMPLE.total }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) rank!: number | null;
  @ApiProperty({ type: Object, description: 'PUBLICITY | PROGRESS | DIGITISATION | ONLINE | SATISFACTION → { points, max }', example: INDEX_SCORE_EXAMPLE.groups }) groups!: IndexScore['groups'];
}

export class RankingPageView {
  @ApiProperty({ example: '2026-01' }) period!: string;
  @ApiProperty({ enum: AGENCY_LEVELS, example: 'UNIT' }) level!: string;
  @ApiProperty({ type: [RankingItemView] }) items!: RankingItemView[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) pageSize!: number;
  @ApiProperty({ description: 'Agencies of the level', example: 27 }) total!: number;
}

export class AgencyIndexView {
  @ApiProperty({ example: '000.00.15.H31' }) agencyCode!: string;
  @ApiProperty({ example: 'Sở Xây dựng thành phố Hà Nội' }) name!: string;
  @ApiProperty({ example: 'UNIT' }) level!: string;
  @ApiProperty({ example: '2026-01' }) period!: string;
  @ApiProperty({ nullable: true, type: Number, example: INDEX_SCORE_EXAMPLE.total }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) rank!: number | null;
  @ApiProperty({ type: Object, description: 'indicator name → { numerator, denominator, value, target, weight, points }', example: INDEX_SCORE_EXAMPLE.indicators }) indicators!: IndexScore['indicators'];
  @ApiProperty({ type: Object, example: INDEX_SCORE_EXAMPLE.groups }) groups!: IndexScore['groups'];
}

export class HistoryPointView {
  @ApiProperty({ example: '2026-01' }) period!: string;
  @ApiProperty({ nullable: true, type: Number, example: INDEX_SCORE_EXAMPLE.total }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) rank!: number | null;
}

export class AgencyHistoryView {
  @ApiProperty({ example: '000.00.15.H31' }) agencyCode!: string;
  @ApiProperty({ type: [HistoryPointView] }) months!: HistoryPointView[];
}
