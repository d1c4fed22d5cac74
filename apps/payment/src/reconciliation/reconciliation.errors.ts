import { AppError } from '@hub/platform';

export type ReconciliationErrorCode =
  | 'RECONCILIATION_NOT_FOUND'
  | 'RECONCILIATION_EXCEPTION_NOT_FOUND'
  | 'STATEMENT_MALFORMED'
  | 'STATEMENT_UNAVAILABLE'
  | 'RECONCILIATION_ALREADY_RUN';

export const ReconciliationErrors = {
  notFound: (id: string) =>
    new AppError<ReconciliationErrorCode>('RECONCILIATION_NOT_FOUND', `No reconciliation ${id}`, { messageVi: `Không tìm thấy phiên đối soát ${id}`, params: { id } }),
  exceptionNotFound: (id: string, exceptionId: string) =>
    new AppError<ReconciliationErrorCode>('RECONCILIATION_EXCEPTION_NOT_FOUND', `Reconciliation ${id} has no exception ${exceptionId}`, {
      messageVi: `Phiên đối soát ${id} không có sai lệch ${exceptionId}`,
      params: { id, exceptionId },
    }),
  malformed: (lineNumber: number, message: string) =>
    new AppError<ReconciliationErrorCode>('STATEMENT_MALFORMED', `The settlement statement is broken at line ${lineNumber}: ${message}; nothing was stored`, {
      messageVi: `Bảng kê đối soát lỗi ở dòng ${lineNumber}; không có gì được lưu`,
      fields: [{ field: 'statement', code: 'MALFORMED_LINE', message: `line ${lineNumber}: ${message}` }],
      params: { lineNumber },
    }),
  unavailable: (provider: string, detail: string) =>
    new AppError<ReconciliationErrorCode>('STATEMENT_UNAVAILABLE', `The settlement statement of ${provider} could not be fetched: ${detail}`, {
      messageVi: `Không lấy được bảng kê đối soát của ${provider}`,
      params: { provider },
    }),
  alreadyRun: (provider: string, date: string) =>
    new AppError<ReconciliationErrorCode>('RECONCILIATION_ALREADY_RUN', `${provider} on ${date} was already reconciled by the daily job`, { params: { provider, date } }),
};
