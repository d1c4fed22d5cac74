import type { ConsumerErrorMap } from '@hub/platform';
import type { RateableDossierErrorCode } from './rateable-dossier/rateable-dossier.errors';
import type { RatingErrorCode } from './ratings/ratings.errors';
import type { ServiceIndexErrorCode } from './service-index/service-index.errors';

/**
 * What a consumer does with each rating error code: dead-letter only what no retry can change (README "Consumer
 * errors"); a code added to a union and not classified here does not compile.
 */
export const ratingConsumerErrors: ConsumerErrorMap<RateableDossierErrorCode | ServiceIndexErrorCode | RatingErrorCode> = {
  // The dossier's or the agency's own event may simply not have been applied yet.
  RATEABLE_DOSSIER_NOT_FOUND: 'retry',
  SERVICE_INDEX_AGENCY_NOT_FOUND: 'retry',
  // The window opens with a later status change of the same dossier.
  RATING_WINDOW_CLOSED: 'retry',
  // Who sent it does not change on a retry.
  SERVICE_INDEX_TARGETS_OPERATORS_ONLY: 'dead-letter',
};
