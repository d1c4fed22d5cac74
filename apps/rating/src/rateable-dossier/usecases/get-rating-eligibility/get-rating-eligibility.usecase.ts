import { Injectable } from '@nestjs/common';
import { requireVisible, type CallerIdentity } from '@hub/platform';
import { RateableDossierErrors } from '../../rateable-dossier.errors';
import { RateableDossierRepository } from '../../rateable-dossier.repository';
import { eligibility, type RatingEligibilityView } from './rating-eligibility';

/** The query: which dossier, and who asks. */
export interface GetRatingEligibilityQuery {
  dossierCode: string;
  caller: CallerIdentity;
}

@Injectable()
export class GetRatingEligibilityUseCase {
  constructor(private readonly dossiers: RateableDossierRepository) {}

  async execute({ dossierCode, caller }: GetRatingEligibilityQuery): Promise<RatingEligibilityView> {
    const found = await this.dossiers.findByCode(dossierCode);
    const d = requireVisible(caller, found, (x) => x.receivingAgencyCode, () => RateableDossierErrors.notFound(dossierCode));
    return { dossierCode: d.dossierCode, status: d.status, ...eligibility(d.status) };
  }
}
