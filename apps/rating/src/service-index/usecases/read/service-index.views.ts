import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AGENCY_LEVELS, type AgencyLevel } from '@hub/contracts';
import type { GroupScore, IndexScore, IndicatorScore } from '../../domain/score';

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
  @ApiProperty() points!: number;
  @ApiProperty({ description: 'Sum of the weights of the applicable indicators of the group' }) max!: number;
}

export class IndicatorScoreView implements IndicatorScore {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
  @ApiProperty({ nullable: true, type: Number }) value!: number | null;
  @ApiProperty() target!: number;
  @ApiProperty() weight!: number;
  @ApiProperty({ nullable: true, type: Number }) points!: number | null;
}

export class RankingItemView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
  @ApiProperty({ type: Object, description: 'PUBLICITY | PROGRESS | DIGITISATION | ONLINE | SATISFACTION → { points, max }' }) groups!: IndexScore['groups'];
}

export class RankingPageView {
  @ApiProperty() period!: string;
  @ApiProperty({ enum: AGENCY_LEVELS }) level!: string;
  @ApiProperty({ type: [RankingItemView] }) items!: RankingItemView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Agencies of the level' }) total!: number;
}

export class AgencyIndexView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
  @ApiProperty({ type: Object, description: 'indicator name → { numerator, denominator, value, target, weight, points }' }) indicators!: IndexScore['indicators'];
  @ApiProperty({ type: Object }) groups!: IndexScore['groups'];
}

export class HistoryPointView {
  @ApiProperty() period!: string;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
}

export class AgencyHistoryView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ type: [HistoryPointView] }) months!: HistoryPointView[];
}
