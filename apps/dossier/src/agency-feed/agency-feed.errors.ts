import { AppError } from '@hub/platform';

export const AGENCY_FEED_ERROR_CODES = ['INVALID_CURSOR'] as const;
export type AgencyFeedErrorCode = (typeof AGENCY_FEED_ERROR_CODES)[number];

export const AgencyFeedErrors = {
  invalidCursor: (field: 'after' | 'from') =>
    new AppError<AgencyFeedErrorCode>('INVALID_CURSOR', `${field} is not a cursor this hub issued; use one from a feed answer or start without it`, {
      messageVi: `${field} không phải con trỏ do hệ thống cấp; hãy dùng con trỏ trong kết quả đã nhận hoặc đọc lại từ đầu`,
      fields: [{ field, code: 'INVALID_CURSOR', message: 'not a cursor this hub issued' }],
    }),
};
