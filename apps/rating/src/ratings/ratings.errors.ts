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
  /** A rating given before the dossier was received: its window cannot have been open then. */
  ratedBeforeReceipt: (dossierCode: string, status: number, receivedAt: Date) =>
    new AppError<RatingErrorCode>(
      'RATING_WINDOW_CLOSED',
      `Dossier ${dossierCode} was received at ${receivedAt.toISOString()}: a rating given before then was given before its rating window opened`,
      { messageVi: `Thời điểm đánh giá trước thời điểm tiếp nhận hồ sơ ${dossierCode}`, params: { dossierCode, dossierStatus: status, reason: 'RATED_BEFORE_RECEIPT' } },
    ),
};
