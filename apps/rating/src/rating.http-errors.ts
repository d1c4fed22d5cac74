import type { HttpErrorMap } from '@hub/platform';
import type { RateableDossierErrorCode } from './rateable-dossier/rateable-dossier.errors';

/** Every rating error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const ratingHttpErrors: HttpErrorMap<RateableDossierErrorCode> = {
  RATEABLE_DOSSIER_NOT_FOUND: {
    status: 404,
    title: 'The rating service does not know this dossier',
    titleVi: 'Không tìm thấy hồ sơ để đánh giá',
  },
};
