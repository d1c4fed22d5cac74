import { AppError } from '@hub/platform';

export type IdempotencyErrorCode = 'IDEMPOTENCY_KEY_REQUIRED' | 'IDEMPOTENCY_KEY_INVALID' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_REQUEST_IN_FLIGHT';

export const IdempotencyErrors = {
  required: () =>
    new AppError<IdempotencyErrorCode>(
      'IDEMPOTENCY_KEY_REQUIRED',
      'This request must not be retried blindly: send a unique Idempotency-Key and reuse it only to retry the same request.',
    ),
  invalid: () => new AppError<IdempotencyErrorCode>('IDEMPOTENCY_KEY_INVALID', 'Use 1–255 printable ASCII characters without spaces, e.g. a UUID.'),
  reused: () =>
    new AppError<IdempotencyErrorCode>('IDEMPOTENCY_KEY_REUSED', 'A retry must repeat the same method, URL and body; use a new key for a new request.'),
  inFlight: () => new AppError<IdempotencyErrorCode>('IDEMPOTENCY_REQUEST_IN_FLIGHT', 'Retry after the first request has been answered.'),
};
