import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_CODE_EXAMPLE, DossierStatus } from '@hub/contracts';

/** The applicant rates after the receipt, a supplement request, a refusal, or the result (DOMAIN.md). */
export const RATEABLE_STATUSES: readonly DossierStatus[] = [
  DossierStatus.Accepted,
  DossierStatus.Refused,
  DossierStatus.SupplementRequested,
  DossierStatus.Finished,
  DossierStatus.Returned,
];

export type EligibilityReason = 'RATEABLE' | 'NOT_YET_RECEIVED' | 'NOT_AT_A_RATING_POINT';

export function eligibility(status: DossierStatus): { canRate: boolean; reason: EligibilityReason } {
  if (RATEABLE_STATUSES.includes(status)) return { canRate: true, reason: 'RATEABLE' };
  return { canRate: false, reason: status === DossierStatus.Submitted ? 'NOT_YET_RECEIVED' : 'NOT_AT_A_RATING_POINT' };
}

export class RatingEligibilityView {
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE }) dossierCode!: string;
  @ApiProperty({ minimum: 1, maximum: 10, example: DossierStatus.Finished }) status!: number;
  @ApiProperty({ example: true }) canRate!: boolean;
  @ApiProperty({ enum: ['RATEABLE', 'NOT_YET_RECEIVED', 'NOT_AT_A_RATING_POINT'], example: 'RATEABLE' }) reason!: EligibilityReason;
}
