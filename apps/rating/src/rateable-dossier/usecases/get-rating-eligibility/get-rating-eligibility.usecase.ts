import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { callerSeesAgency } from '../../dossier-visibility';
import { RateableDossierErrors } from '../../rateable-dossier.errors';
import { RateableDossierRepository } from '../../rateable-dossier.repository';
import { eligibility, type RatingEligibilityView } from './rating-eligibility';

@Injectable()
export class GetRatingEligibilityUseCase {
  constructor(private readonly dossiers: RateableDossierRepository) {}

  async execute(dossierCode: string, caller: CallerIdentity): Promise<RatingEligibilityView> {
    const d = await this.dossiers.findByCode(dossierCode);
    if (!d || !callerSeesAgency(caller, d.receivingAgencyCode)) {
      throw RateableDossierErrors.notFound(dossierCode);
    }
    return { dossierCode: d.dossierCode, status: d.status, ...eligibility(d.status) };
  }
}
