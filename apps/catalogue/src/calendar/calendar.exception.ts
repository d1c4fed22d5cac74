import { AGENCY_CODE_FORMS } from '@hub/contracts';
import { ProblemException, type FieldError } from '@hub/platform';

export enum CalendarErrorCode {
  Missing = 'CALENDAR_MISSING',
  Invalid = 'CALENDAR_INVALID',
  NotFound = 'CALENDAR_NOT_FOUND',
  InvalidScope = 'INVALID_CALENDAR_SCOPE',
  InvalidYear = 'INVALID_CALENDAR_YEAR',
  ScopeUnknown = 'CALENDAR_SCOPE_UNKNOWN',
  UnknownAgency = 'UNKNOWN_AGENCY',
}

export const CalendarProblems = {
  missing: (scope: string, year: number) =>
    new ProblemException({
      status: 409,
      code: CalendarErrorCode.Missing,
      title: 'A working calendar is missing',
      titleVi: 'Chưa có lịch làm việc',
      detail: `calendar ${scope}/${year} missing: load it with PUT /v1/calendars/${scope}/${year}; the hub never guesses holidays`,
      detailVi: `Chưa có lịch làm việc ${scope}/${year}; hệ thống không tự suy đoán ngày nghỉ`,
      extensions: { missingCalendar: { scope, year } },
    }),
  invalid: (errors: FieldError[]) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid calendar',
      titleVi: 'Lịch làm việc không hợp lệ',
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    }),
  notFound: (scope: string, year: number) =>
    new ProblemException({
      status: 404,
      code: CalendarErrorCode.NotFound,
      title: 'Calendar not found',
      titleVi: 'Không tìm thấy lịch làm việc',
      detail: `No calendar ${scope}/${year}`,
    }),
  invalidScope: (value: string) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid calendar scope',
      titleVi: 'Phạm vi lịch không hợp lệ',
      detail: `Scope must be "national" or an agency code (${AGENCY_CODE_FORMS.join(' or ')})`,
      errors: [{ field: 'scope', code: CalendarErrorCode.InvalidScope, message: `"${value.slice(0, 60)}" is neither "national" nor an agency code` }],
    }),
  invalidYear: (value: string) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid calendar year',
      titleVi: 'Năm không hợp lệ',
      detail: 'The year must be a whole number from 1976 to 9999',
      errors: [{ field: 'year', code: CalendarErrorCode.InvalidYear, message: `"${value.slice(0, 20)}" is not a year from 1976 to 9999` }],
    }),
  scopeUnknown: (agencyCode: string) =>
    new ProblemException({
      status: 422,
      code: CalendarErrorCode.ScopeUnknown,
      title: 'The agency of this calendar is unknown',
      titleVi: 'Cơ quan của lịch làm việc không tồn tại',
      detail: `Agency ${agencyCode} is not in the catalogue`,
      errors: [{ field: 'scope', code: CalendarErrorCode.ScopeUnknown, message: `agency ${agencyCode} does not exist` }],
    }),
  unknownAgency: (agencyCode: string) =>
    new ProblemException({
      status: 422,
      code: CalendarErrorCode.UnknownAgency,
      title: 'Unknown agency',
      titleVi: 'Cơ quan không tồn tại',
      detail: `Agency ${agencyCode} is not in the catalogue`,
      errors: [{ field: 'agency', code: CalendarErrorCode.UnknownAgency, message: `agency ${agencyCode} does not exist` }],
    }),
};
