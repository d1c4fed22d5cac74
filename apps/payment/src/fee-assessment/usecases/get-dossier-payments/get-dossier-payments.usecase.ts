import { Injectable } from '@nestjs/common';
import { requireVisible, type CallerIdentity } from '@hub/platform';
import { FeeAssessmentErrors } from '../../fee-assessment.errors';
import { FeeAssessmentRepository } from '../../fee-assessment.repository';
import type { DossierPaymentsView } from './dossier-payments.view';

@Injectable()
export class GetDossierPaymentsUseCase {
  constructor(private readonly assessments: FeeAssessmentRepository) {}

  async execute(dossierCode: string, caller: CallerIdentity): Promise<DossierPaymentsView> {
    const found = await this.assessments.findByDossier(dossierCode);
    const a = requireVisible(caller, found, (x) => x.receivingAgencyCode, () => FeeAssessmentErrors.notFound(dossierCode));
    return {
      dossierCode: a.dossierCode,
      assessment: {
        status: a.status,
        procedureCode: a.procedureCode,
        procedureVersion: a.procedureVersion,
        channel: a.channel,
        lines: a.lines,
        totalAmount: a.totalAmount,
        currency: 'VND',
        assessedAt: a.assessedAt?.toISOString() ?? null,
      },
    };
  }
}
