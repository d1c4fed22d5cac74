import { AppError } from '@hub/platform';

export type RefundErrorCode = 'REFUND_NOT_ALLOWED' | 'REFUND_EXCEEDS_PAID' | 'REFUND_IDEMPOTENCY_KEY_REQUIRED' | 'REFUND_IDEMPOTENCY_KEY_REUSED';

export const RefundErrors = {
  notAllowed: (paymentId: string, state: string, reason: string) =>
    new AppError<RefundErrorCode>('REFUND_NOT_ALLOWED', `Payment ${paymentId} is ${state}: it cannot be refunded (${reason})`, {
      messageVi: `Giao dịch ${paymentId} không thể hoàn tiền ở trạng thái ${state}`,
      params: { paymentId, state, reason },
    }),
  exceedsPaid: (paymentId: string, refundable: number) =>
    new AppError<RefundErrorCode>('REFUND_EXCEEDS_PAID', `At most ${refundable} VND of payment ${paymentId} can still be refunded`, {
      messageVi: `Số tiền hoàn vượt quá số tiền còn có thể hoàn (${refundable} VND)`,
      fields: [{ field: 'amount', code: 'EXCEEDS_PAID', message: `at most ${refundable}` }],
      params: { paymentId, refundable },
    }),
  keyRequired: () =>
    new AppError<RefundErrorCode>('REFUND_IDEMPOTENCY_KEY_REQUIRED', 'A refund needs an Idempotency-Key header', {
      messageVi: 'Yêu cầu hoàn tiền cần tiêu đề Idempotency-Key',
    }),
  keyReused: () =>
    new AppError<RefundErrorCode>('REFUND_IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another refund of this payment', {
      messageVi: 'Idempotency-Key đã được dùng cho một yêu cầu hoàn tiền khác',
    }),
};
