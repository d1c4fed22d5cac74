import { AppError } from '@hub/platform';

export type RateableDossierErrorCode = 'RATEABLE_DOSSIER_NOT_FOUND';

export const RateableDossierErrors = {
  /** Also for another agency's dossier: the caller cannot tell it from an unknown one. */
  notFound: (dossierCode: string) =>
    new AppError<RateableDossierErrorCode>(
      'RATEABLE_DOSSIER_NOT_FOUND',
      `Dossier ${dossierCode} is unknown to the rating service or not visible to the caller`,
      { params: { dossierCode } },
    ),
};
