import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, Matches, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '../codes/codes';
import { defineEvent } from '../event-definition';
import { IsInstant } from '../validation/is-instant';

/** Circular 32/2017 Art. 12 overall level, also used per criterion. */
export const SATISFACTION_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
/** The 12 criteria of the hub (DOMAIN.md "Satisfaction ratings"). */
export const RATING_CRITERIA = [
  'OVERALL',
  'ACCESS',
  'PUBLICITY',
  'DOCUMENTS',
  'FEES',
  'STAFF_ATTITUDE',
  'STAFF_GUIDANCE',
  'ON_TIME',
  'VISITS',
  'AGENCIES',
  'FEEDBACK',
  'ONLINE',
] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];
export const RATING_CHANNELS = ['ONLINE', 'KIOSK', 'COUNTER', 'SMS'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export class CriterionRatingV1 {
  @IsIn(RATING_CRITERIA) criterion!: RatingCriterion;
  @IsIn(SATISFACTION_LEVELS) level!: SatisfactionLevel;
}

/**
 * The applicant rated a dossier (keyed by dossier code). The latest `ratedAt` (then rating id) per dossier is the
 * active rating. Never carries the comment, which is personal data.
 */
export class RatingGivenV1 {
  @IsUUID() ratingId!: string;
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(PROCEDURE_CODE_PATTERN) procedureCode!: string;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(SATISFACTION_LEVELS) level!: SatisfactionLevel;
  @IsArray() @ArrayMaxSize(12) @ValidateNested({ each: true }) @Type(() => CriterionRatingV1) criteria!: CriterionRatingV1[];
  @IsIn(RATING_CHANNELS) channel!: RatingChannel;
  @IsInstant() ratedAt!: string;
}

export const RatingGiven = defineEvent({
  topic: 'rating.given.v1',
  payload: RatingGivenV1,
  keyOf: (p) => p.dossierCode,
  example: {
    ratingId: '5d1e8f0a-2b7c-4c1e-9f3a-7a6b5c4d3e2f',
    dossierCode: '000.00.15.H31-260112-0001',
    procedureCode: '1.001234',
    receivingAgencyCode: '000.00.15.H31',
    level: 'SATISFIED',
    criteria: [{ criterion: 'ON_TIME', level: 'VERY_SATISFIED' }],
    channel: 'KIOSK',
    ratedAt: '2026-01-30T11:00:00+07:00',
  },
});
