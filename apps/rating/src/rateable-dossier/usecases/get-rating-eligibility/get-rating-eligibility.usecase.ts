import { Injectable } from '@nestjs/common';
import { ProblemException, type CallerIdentity } from '@hub/platform';
import { RateableDossierRepository } from '../../rateable-dossier.repository';
import { eligibility, type RatingEligibilityView } from './rating-eligibility';

@Injectable()
export class GetRatingEligibilityUseCase {
  constructor(private readonly dossiers: RateableDossierRepository) {}

  async execute(dossierCode: string, caller: CallerIdentity): Promise<RatingEligibilityView> {
    const d = await this.dossiers.findByCode(dossierCode);
    if (!d || (caller.kind === 'agency-system' && !caller.agencyCodes.includes(d.receivingAgencyCode))) {
      throw new ProblemException({
        status: 404,
        code: 'RATEABLE_DOSSIER_NOT_FOUND',
        title: 'The rating service does not know this dossier',
        titleVi: 'Không tìm thấy hồ sơ để đánh giá',
        detail: `Dossier ${dossierCode} is unknown to the rating service or not visible to the caller`,
      });
    }
    return { dossierCode: d.dossierCode, status: d.status, ...eligibility(d.status) };
  }
}
