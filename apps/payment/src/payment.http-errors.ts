import type { HttpErrorMap } from '@hub/platform';
import type { FeeAssessmentErrorCode } from './fee-assessment/fee-assessment.errors';
import type { PaymentErrorCode } from './payment/payment.errors';
import type { ReconciliationErrorCode } from './reconciliation/reconciliation.errors';
import type { RefundErrorCode } from './refund/refund.errors';

export type PaymentServiceErrorCode = FeeAssessmentErrorCode | PaymentErrorCode | RefundErrorCode | ReconciliationErrorCode;

/** Every payment error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const paymentHttpErrors: HttpErrorMap<PaymentServiceErrorCode> = {
  DOSSIER_PAYMENTS_NOT_FOUND: { status: 404, title: 'No payment record for this dossier', titleVi: 'Không tìm thấy thông tin thanh toán của hồ sơ' },
  PAYMENT_NOT_FOUND: { status: 404, title: 'Payment not found', titleVi: 'Không tìm thấy giao dịch thanh toán' },
  PAYMENT_REQUEST_NOT_FOUND: { status: 404, title: 'No such payment request for this dossier (no fees due?)', titleVi: 'Không tìm thấy yêu cầu thanh toán của hồ sơ' },
  PAYMENT_REQUEST_NOT_OPEN: { status: 409, title: 'Nothing is due on this payment request', titleVi: 'Yêu cầu thanh toán không còn phải thanh toán', extensions: ['state'] },
  PAYMENT_IN_FLIGHT: { status: 409, title: 'A payment of this request is still pending', titleVi: 'Yêu cầu thanh toán đang có giao dịch chờ kết quả', extensions: ['paymentId'] },
  UNKNOWN_PROVIDER: { status: 422, title: 'Unknown payment provider', titleVi: 'Không có đơn vị thanh toán này' },
  PROVIDER_UNAVAILABLE: { status: 502, title: 'The payment provider did not answer', titleVi: 'Đơn vị thanh toán không phản hồi' },
  REFUND_NOT_ALLOWED: { status: 409, title: 'This payment cannot be refunded now', titleVi: 'Giao dịch không thể hoàn tiền', extensions: ['state', 'reason'] },
  REFUND_EXCEEDS_PAID: { status: 422, title: 'The refund exceeds what can still be refunded', titleVi: 'Số tiền hoàn vượt quá số tiền đã thanh toán', extensions: ['refundable'] },
  REFUND_IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'An Idempotency-Key header is required', titleVi: 'Cần có tiêu đề Idempotency-Key' },
  REFUND_IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used for a different refund', titleVi: 'Idempotency-Key đã được dùng cho yêu cầu khác' },
  RECONCILIATION_NOT_FOUND: { status: 404, title: 'Reconciliation not found', titleVi: 'Không tìm thấy phiên đối soát' },
  RECONCILIATION_EXCEPTION_NOT_FOUND: { status: 404, title: 'Reconciliation exception not found', titleVi: 'Không tìm thấy sai lệch đối soát' },
  STATEMENT_MALFORMED: { status: 422, title: 'The settlement statement has a broken line', titleVi: 'Bảng kê đối soát có dòng lỗi', extensions: ['lineNumber'] },
  STATEMENT_UNAVAILABLE: { status: 502, title: 'The settlement statement could not be fetched', titleVi: 'Không lấy được bảng kê đối soát' },
  RECONCILIATION_ALREADY_RUN: { status: 409, title: 'That day was already reconciled by the daily job', titleVi: 'Ngày này đã được đối soát tự động' },
};
