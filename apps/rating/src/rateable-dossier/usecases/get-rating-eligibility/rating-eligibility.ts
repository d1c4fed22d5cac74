import { ApiProperty } from '@nestjs/swagger';
import { DossierStatus } from '@hub/contracts';

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
  @ApiProperty() dossierCode!: string;
  @ApiProperty() status!: number;
  @ApiProperty() canRate!: boolean;
  @ApiProperty({ enum: ['RATEABLE', 'NOT_YET_RECEIVED', 'NOT_AT_A_RATING_POINT'] }) reason!: EligibilityReason;
}
