import { AppError } from '@hub/platform';
import type { EligibilityReason } from '../rateable-dossier/usecases/get-rating-eligibility/rating-eligibility';

export type RatingErrorCode = 'RATING_WINDOW_CLOSED';

export const RatingErrors = {
  windowClosed: (dossierCode: string, status: number, reason: Exclude<EligibilityReason, 'RATEABLE'>) =>
    new AppError<RatingErrorCode>(
      'RATING_WINDOW_CLOSED',
      reason === 'NOT_YET_RECEIVED'
        ? `Dossier ${dossierCode} has not been received yet (status ${status}): it can be rated after the receipt`
        : `Dossier ${dossierCode} is in status ${status}: it can be rated after the receipt, a supplement request, a refusal or the result (statuses 2, 3, 5, 9, 10)`,
      { messageVi: `Hồ sơ ${dossierCode} chưa đến thời điểm đánh giá`, params: { dossierCode, dossierStatus: status, reason } },
    ),
};
