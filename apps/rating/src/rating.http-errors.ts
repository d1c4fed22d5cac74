import type { HttpErrorMap } from '@hub/platform';
import type { RateableDossierErrorCode } from './rateable-dossier/rateable-dossier.errors';
import type { RatingErrorCode } from './ratings/ratings.errors';
import type { ServiceIndexErrorCode } from './service-index/service-index.errors';

/** Every rating error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const ratingHttpErrors: HttpErrorMap<RateableDossierErrorCode | ServiceIndexErrorCode | RatingErrorCode> = {
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
  RATING_WINDOW_CLOSED: {
    status: 409,
    title: 'The rating window of this dossier is not open',
    titleVi: 'Hồ sơ chưa đến thời điểm được đánh giá',
    extensions: ['dossierStatus', 'reason'],
  },
};
