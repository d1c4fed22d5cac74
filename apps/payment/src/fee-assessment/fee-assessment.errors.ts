import { AppError } from '@hub/platform';

export type FeeAssessmentErrorCode = 'DOSSIER_PAYMENTS_NOT_FOUND';

export const FeeAssessmentErrors = {
  /** Also for another agency's dossier: the caller cannot tell it from an unknown one. */
  notFound: (dossierCode: string) =>
    new AppError<FeeAssessmentErrorCode>(
      'DOSSIER_PAYMENTS_NOT_FOUND',
      `No fee assessment for dossier ${dossierCode} visible to the caller (it may not have reached the payment service yet)`,
      { params: { dossierCode } },
    ),
};
