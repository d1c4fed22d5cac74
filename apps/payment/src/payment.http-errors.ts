import type { HttpErrorMap } from '@hub/platform';
import type { FeeAssessmentErrorCode } from './fee-assessment/fee-assessment.errors';

/** Every payment error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const paymentHttpErrors: HttpErrorMap<FeeAssessmentErrorCode> = {
  DOSSIER_PAYMENTS_NOT_FOUND: {
    status: 404,
    title: 'No payment record for this dossier',
    titleVi: 'Không tìm thấy thông tin thanh toán của hồ sơ',
  },
};
