import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import {
  DOSSIER_CODE_EXAMPLE,
  DOSSIER_CODE_PATTERN,
  RATING_CHANNELS,
  RATING_CRITERIA,
  SATISFACTION_LEVELS,
  type RatingChannel,
  type RatingCriterion,
  type SatisfactionLevel,
  IsInstant,
} from '@hub/contracts';
import type { CallerIdentity, EventTrace } from '@hub/platform';
import { RATED_AT_EXAMPLE, RATING_ID_EXAMPLE } from './rating.examples';

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_RATING_SYNC_BATCH = 1000;

export class CriterionRatingDto {
  @ApiProperty({ enum: RATING_CRITERIA }) @IsIn(RATING_CRITERIA, { message: `criterion must be one of ${RATING_CRITERIA.join(', ')}` }) criterion!: RatingCriterion;
  @ApiProperty({ enum: SATISFACTION_LEVELS }) @IsIn(SATISFACTION_LEVELS, { message: `level must be one of ${SATISFACTION_LEVELS.join(', ')}` }) level!: SatisfactionLevel;
}

/** One rating given by the applicant, through the portal or an agency system (kiosk, counter, SMS). */
export class RateDossierBody {
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE }) @Matches(DOSSIER_CODE_PATTERN, { message: `dossierCode must look like ${DOSSIER_CODE_EXAMPLE}` }) dossierCode!: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS }) @IsIn(SATISFACTION_LEVELS, { message: `level must be one of ${SATISFACTION_LEVELS.join(', ')}` }) level!: SatisfactionLevel;
  @ApiPropertyOptional({ type: [CriterionRatingDto], maxItems: RATING_CRITERIA.length })
  @IsOptional() @IsArray() @ArrayMaxSize(RATING_CRITERIA.length) @ValidateNested({ each: true }) @Type(() => CriterionRatingDto)
  criteria?: CriterionRatingDto[];
  @ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH, description: 'Personal data: shown to the owning agency and operators only' })
  @IsOptional() @IsString() @MaxLength(MAX_COMMENT_LENGTH) comment?: string;
  @ApiProperty({ enum: RATING_CHANNELS }) @IsIn(RATING_CHANNELS, { message: `channel must be one of ${RATING_CHANNELS.join(', ')}` }) channel!: RatingChannel;
  @ApiProperty({ format: 'date-time' }) @IsInstant() ratedAt!: string;
}

/** A rating collected by an agency system, named by the source's own id (the sync is idempotent on it). */
export class SyncRatingItem extends RateDossierBody {
  @ApiProperty({ maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) sourceRatingId!: string;
}

export class SyncRatingsBody {
  @ApiProperty({ type: [SyncRatingItem], minItems: 1, maxItems: MAX_RATING_SYNC_BATCH })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RATING_SYNC_BATCH) ratings!: unknown[];
}

export interface RateDossierCommand {
  rating: RateDossierBody;
  /** Set for ratings from an agency system's sync: a second rating with the same source id is a duplicate. */
  sourceRatingId?: string;
  caller: CallerIdentity;
  trace: EventTrace;
}

export class RatingRecordedView {
  @ApiProperty({ format: 'uuid', example: RATING_ID_EXAMPLE }) ratingId!: string;
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE }) dossierCode!: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS, example: 'VERY_SATISFIED' }) level!: SatisfactionLevel;
  @ApiProperty({ format: 'date-time', example: RATED_AT_EXAMPLE }) ratedAt!: string;
  @ApiProperty({ description: 'Whether this rating is now the active one of the dossier (the latest ratedAt)', example: true }) active!: boolean;
}
