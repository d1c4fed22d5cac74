import { AppError, type FieldError } from '@hub/platform';

export type CalendarErrorCode = 'CALENDAR_MISSING' | 'CALENDAR_NOT_FOUND' | 'CALENDAR_SCOPE_UNKNOWN' | 'UNKNOWN_AGENCY' | 'VALIDATION_FAILED';

/** Field code of a calendar the calendar rules refuse. */
export const CalendarFieldCode = {
  Invalid: 'CALENDAR_INVALID',
} as const;

export const CalendarErrors = {
  missing: (scope: string, year: number) =>
    new AppError<CalendarErrorCode>(
      'CALENDAR_MISSING',
      `calendar ${scope}/${year} missing: load it with PUT /v1/calendars/${scope}/${year}; the hub never guesses holidays`,
      { messageVi: `Chưa có lịch làm việc ${scope}/${year}; hệ thống không tự suy đoán ngày nghỉ`, params: { missingCalendar: { scope, year } } },
    ),
  /** The calendar rules refused the content (a body that passed the DTO checks). */
  invalid: (errors: FieldError[]) =>
    new AppError<CalendarErrorCode>('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
      messageVi: 'Lịch làm việc không hợp lệ',
      fields: errors,
    }),
  notFound: (scope: string, year: number) =>
    new AppError<CalendarErrorCode>('CALENDAR_NOT_FOUND', `No calendar ${scope}/${year}`, { params: { scope, year } }),
  scopeUnknown: (agencyCode: string) =>
    new AppError<CalendarErrorCode>('CALENDAR_SCOPE_UNKNOWN', `Agency ${agencyCode} is not in the catalogue`, {
      fields: [{ field: 'scope', code: 'CALENDAR_SCOPE_UNKNOWN', message: `agency ${agencyCode} does not exist` }],
      params: { agencyCode },
    }),
  unknownAgency: (agencyCode: string) =>
    new AppError<CalendarErrorCode>('UNKNOWN_AGENCY', `Agency ${agencyCode} is not in the catalogue`, {
      fields: [{ field: 'agency', code: 'UNKNOWN_AGENCY', message: `agency ${agencyCode} does not exist` }],
      params: { agencyCode },
    }),
};
