import type { ConsumerErrorMap } from '@hub/platform';
import type { FeeAssessmentErrorCode } from './fee-assessment/fee-assessment.errors';

/**
 * What a consumer does with each payment error code: dead-letter only what no retry can change (README "Consumer
 * errors"); a code added to the union and not classified here does not compile.
 */
export const paymentConsumerErrors: ConsumerErrorMap<FeeAssessmentErrorCode> = {
  // The assessment may be written by an event that has not been applied yet.
  DOSSIER_PAYMENTS_NOT_FOUND: 'retry',
};
