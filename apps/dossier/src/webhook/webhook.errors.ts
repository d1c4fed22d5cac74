import { AppError } from '@hub/platform';

export const WEBHOOK_ERROR_CODES = ['WEBHOOK_TARGET_NOT_ALLOWED', 'WEBHOOK_NOT_FOUND', 'AGENCY_SCOPE_VIOLATION'] as const;
export type WebhookErrorCode = (typeof WEBHOOK_ERROR_CODES)[number];

export const WebhookErrors = {
  targetNotAllowed: (reason: string, reasonVi: string) =>
    new AppError<WebhookErrorCode>('WEBHOOK_TARGET_NOT_ALLOWED', `The webhook URL is not an allowed target: ${reason}`, {
      messageVi: `Địa chỉ webhook không được phép: ${reasonVi}`,
      fields: [{ field: 'url', code: 'WEBHOOK_TARGET_NOT_ALLOWED', message: reason }],
    }),
  notFound: (agency: string) =>
    new AppError<WebhookErrorCode>('WEBHOOK_NOT_FOUND', `No webhook registered for agency ${agency} visible to the caller`, {
      messageVi: `Không có webhook nào được đăng ký cho cơ quan ${agency}`,
    }),
  agencyScopeViolation: (agency: string) =>
    new AppError<WebhookErrorCode>('AGENCY_SCOPE_VIOLATION', `The caller is not authorised for agency ${agency}`, {
      messageVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này',
      fields: [{ field: 'agencyCode', code: 'AGENCY_SCOPE_VIOLATION', message: `not one of the caller's agencies` }],
    }),
};
