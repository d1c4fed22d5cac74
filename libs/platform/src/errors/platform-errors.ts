import { AppError, type HttpErrorMap } from './app-error';
import type { FieldError } from './problem.exception';

/** Codes any service's rules may raise; the platform maps them itself (and apps may spread the map into theirs). */
export type PlatformErrorCode = 'VALIDATION_FAILED';

export const platformHttpErrors: HttpErrorMap<PlatformErrorCode> = {
  VALIDATION_FAILED: { status: 400, title: 'Validation failed', titleVi: 'Dữ liệu không hợp lệ' },
};

/** Input that passed the DTO checks but breaks a rule of the use case (`validTo` before `validFrom`...). */
export function invalidInput(
  fields: FieldError[],
  message = 'The request contains invalid fields.',
  messageVi = 'Yêu cầu có trường dữ liệu không hợp lệ.',
): AppError<PlatformErrorCode> {
  return new AppError('VALIDATION_FAILED', message, { messageVi, fields });
}
