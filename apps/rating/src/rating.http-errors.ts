import type { HttpErrorMap } from '@hub/platform';
import type { RateableDossierErrorCode } from './rateable-dossier/rateable-dossier.errors';
import type { RatingErrorCode } from './ratings/ratings.errors';
import type { SatisfactionSummaryErrorCode } from './satisfaction-summary/satisfaction-summary.errors';
import type { ServiceIndexErrorCode } from './service-index/service-index.errors';

/** Every rating error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const ratingHttpErrors: HttpErrorMap<RateableDossierErrorCode | ServiceIndexErrorCode | RatingErrorCode | SatisfactionSummaryErrorCode> = {
  RATEABLE_DOSSIER_NOT_FOUND: {
    status: 404,
    title: 'The rating service does not know this dossier',
    titleVi: 'Không tìm thấy hồ sơ để đánh giá',
  },
  SERVICE_INDEX_AGENCY_NOT_FOUND: {
    status: 404,
    title: 'The service-quality index does not know this agency',
    titleVi: 'Không tìm thấy cơ quan trong bộ chỉ số',
  },
  SERVICE_INDEX_TARGETS_OPERATORS_ONLY: {
    status: 403,
    title: 'Only hub operators may change the index targets',
    titleVi: 'Chỉ người vận hành hệ thống được thay đổi chỉ tiêu',
  },
  SATISFACTION_SUMMARY_INVALID: { status: 422, title: 'The satisfaction report is invalid', titleVi: 'Báo cáo đánh giá không hợp lệ' },
  AGENCY_SCOPE_VIOLATION: { status: 403, title: 'The caller may not act for this agency', titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này' },
  RATING_WINDOW_CLOSED: {
    status: 409,
    title: 'The rating window of this dossier is not open',
    titleVi: 'Hồ sơ chưa đến thời điểm được đánh giá',
    extensions: ['dossierStatus', 'reason'],
  },
};
