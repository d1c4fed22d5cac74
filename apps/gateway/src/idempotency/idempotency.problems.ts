import { problem } from '@hub/platform';

export enum IdempotencyErrorCode {
  Required = 'IDEMPOTENCY_KEY_REQUIRED',
  Invalid = 'IDEMPOTENCY_KEY_INVALID',
  Reused = 'IDEMPOTENCY_KEY_REUSED',
  InFlight = 'IDEMPOTENCY_REQUEST_IN_FLIGHT',
}

export const IdempotencyProblems = {
  required: () =>
    problem(400, IdempotencyErrorCode.Required, {
      title: 'An Idempotency-Key header is required',
      titleVi: 'Cần có tiêu đề Idempotency-Key',
      detail: 'This request must not be retried blindly: send a unique Idempotency-Key and reuse it only to retry the same request.',
    }),
  invalid: () =>
    problem(400, IdempotencyErrorCode.Invalid, {
      title: 'The Idempotency-Key header is malformed',
      titleVi: 'Tiêu đề Idempotency-Key không hợp lệ',
      detail: 'Use 1–255 printable ASCII characters without spaces, e.g. a UUID.',
    }),
  reused: () =>
    problem(422, IdempotencyErrorCode.Reused, {
      title: 'The Idempotency-Key was used for a different request',
      titleVi: 'Idempotency-Key đã được dùng cho một yêu cầu khác',
      detail: 'A retry must repeat the same method, URL and body; use a new key for a new request.',
    }),
  inFlight: () =>
    problem(409, IdempotencyErrorCode.InFlight, {
      title: 'A request with this Idempotency-Key is still being processed',
      titleVi: 'Yêu cầu với Idempotency-Key này đang được xử lý',
      detail: 'Retry after the first request has been answered.',
    }),
};
