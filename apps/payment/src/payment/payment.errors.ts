import { AppError } from '@hub/platform';

export type PaymentErrorCode =
  | 'PAYMENT_NOT_FOUND'
  | 'PAYMENT_REQUEST_NOT_FOUND'
  | 'PAYMENT_REQUEST_NOT_OPEN'
  | 'PAYMENT_IN_FLIGHT'
  | 'UNKNOWN_PROVIDER'
  | 'PROVIDER_UNAVAILABLE';

export const PaymentErrors = {
  notFound: (paymentId: string) =>
    new AppError<PaymentErrorCode>('PAYMENT_NOT_FOUND', `No payment ${paymentId} visible to the caller`, {
      messageVi: `Không tìm thấy giao dịch thanh toán ${paymentId}`,
      params: { paymentId },
    }),
  /** Also for another agency's dossier or a dossier with no fees due: the caller cannot tell them apart. */
  requestNotFound: (dossierCode: string, requestId: string) =>
    new AppError<PaymentErrorCode>('PAYMENT_REQUEST_NOT_FOUND', `Dossier ${dossierCode} has no payment request ${requestId} visible to the caller (no fees due?)`, {
      messageVi: `Hồ sơ ${dossierCode} không có yêu cầu thanh toán ${requestId}`,
      fields: [{ field: 'requestId', code: 'NOT_FOUND', message: 'no such payment request for this dossier' }],
      params: { dossierCode, requestId },
    }),
  requestNotOpen: (requestId: string, state: string) =>
    new AppError<PaymentErrorCode>('PAYMENT_REQUEST_NOT_OPEN', `Payment request ${requestId} is ${state}: nothing is due on it`, {
      messageVi: `Yêu cầu thanh toán ${requestId} không còn phải thanh toán (${state})`,
      params: { requestId, state },
    }),
  inFlight: (requestId: string, paymentId: string) =>
    new AppError<PaymentErrorCode>('PAYMENT_IN_FLIGHT', `Payment ${paymentId} of request ${requestId} is still pending`, {
      messageVi: `Yêu cầu thanh toán ${requestId} đang có giao dịch ${paymentId} chờ kết quả`,
      params: { requestId, paymentId },
    }),
  unknownProvider: (provider: string) =>
    new AppError<PaymentErrorCode>('UNKNOWN_PROVIDER', `No payment provider named ${provider} is configured`, {
      messageVi: `Không có đơn vị thanh toán ${provider}`,
      fields: [{ field: 'provider', code: 'UNKNOWN', message: 'not a configured provider' }],
      params: { provider },
    }),
  providerUnavailable: (provider: string, detail: string) =>
    new AppError<PaymentErrorCode>('PROVIDER_UNAVAILABLE', `Payment provider ${provider} did not accept the payment: ${detail}`, {
      messageVi: `Đơn vị thanh toán ${provider} không phản hồi`,
      params: { provider },
    }),
};
