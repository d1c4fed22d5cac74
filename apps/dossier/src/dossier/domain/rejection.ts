import { DOSSIER_ERROR_CODES, type DossierErrorCode, type DossierStatus } from '@hub/contracts';

/** Every refusal the dossier service can give, by stable code (the list lives in @hub/contracts). */
export { DOSSIER_ERROR_CODES, type DossierErrorCode };

/** A refusal as plain data (the domain knows no transport): code, messages, the offending field, safe params. */
export interface Rejection {
  code: DossierErrorCode;
  message: string;
  messageVi: string;
  field?: string;
  params?: Record<string, unknown>;
  /** Retrying the same record later may succeed (e.g. a catalogue event has not arrived yet). */
  retryable?: boolean;
}

/** The domain's refusals; the use cases and the HTTP layer add the others in dossier.errors.ts. */
export const Reject = {
  invalidTransition: (current: DossierStatus, requested: DossierStatus, field = 'status'): Rejection => ({
    code: 'INVALID_STATUS_TRANSITION',
    message: `A dossier in status ${current} cannot move to status ${requested}`,
    messageVi: `Hồ sơ đang ở trạng thái ${current} không thể chuyển sang trạng thái ${requested}`,
    field,
    params: { current, requested },
  }),
  versionConflict: (version: number): Rejection => ({
    code: 'VERSION_CONFLICT',
    message: `Version ${version} was already synced with different content; send a higher version`,
    messageVi: `Phiên bản ${version} đã được đồng bộ với nội dung khác; hãy gửi phiên bản cao hơn`,
    field: 'version',
    params: { version },
  }),
  codeDateMismatch: (code: string, expected: string): Rejection => ({
    code: 'DOSSIER_CODE_DATE_MISMATCH',
    message: `The date part of ${code} must be ${expected}, the local (Asia/Ho_Chi_Minh) date of receivedAt`,
    messageVi: `Phần ngày của mã hồ sơ ${code} phải là ${expected} (ngày tiếp nhận theo giờ Việt Nam)`,
    field: 'code',
    params: { expected },
  }),
  codeAgencyMismatch: (code: string, agency: string): Rejection => ({
    code: 'DOSSIER_CODE_AGENCY_MISMATCH',
    message: `Dossier code ${code} must start with the receiving agency code ${agency}`,
    messageVi: `Mã hồ sơ ${code} phải bắt đầu bằng mã cơ quan tiếp nhận ${agency}`,
    field: 'code',
  }),
  timeInFuture: (field: string): Rejection => ({
    code: 'TIME_IN_FUTURE',
    message: `${field} is more than 5 minutes in the future`,
    messageVi: `${field} muộn hơn thời điểm hiện tại quá 5 phút`,
    field,
  }),
  timeOutOfOrder: (field: string, detail: string): Rejection => ({
    code: 'TIME_OUT_OF_ORDER',
    message: `${field} is out of order on the dossier's timeline: ${detail}`,
    messageVi: `${field} không đúng thứ tự thời gian của hồ sơ`,
    field,
  }),
  noticeStatusMismatch: (form: string, status: DossierStatus, field = 'form'): Rejection => ({
    code: 'NOTICE_STATUS_MISMATCH',
    message: `A form ${form} notice does not fit a dossier in status ${status}`,
    messageVi: `Mẫu ${form} không phù hợp với hồ sơ đang ở trạng thái ${status}`,
    field,
    params: { form, status },
  }),
  noticeNumberTaken: (form: string, number: string, field = 'number'): Rejection => ({
    code: 'NOTICE_NUMBER_TAKEN',
    message: `A different form ${form} notice numbered ${number} already exists on this dossier`,
    messageVi: `Hồ sơ đã có thông báo mẫu ${form} số ${number} với nội dung khác`,
    field,
  }),
  extensionAlreadyUsed: (field = 'form'): Rejection => ({
    code: 'EXTENSION_ALREADY_USED',
    message: 'This dossier already has its one apology and new appointment (form 04)',
    messageVi: 'Hồ sơ đã được gia hạn một lần (mẫu 04); không được gia hạn lần thứ hai',
    field,
  }),
  extensionNotLater: (dueAt: string, field = 'newDueAt'): Rejection => ({
    code: 'EXTENSION_NOT_LATER',
    message: `newDueAt must be later than the current due date ${dueAt}`,
    messageVi: `Ngày hẹn mới phải sau hạn giải quyết hiện tại ${dueAt}`,
    field,
    params: { dueAt },
  }),
  supplementNotRequested: (status: DossierStatus): Rejection => ({
    code: 'SUPPLEMENT_NOT_REQUESTED',
    message: `Supplements are accepted only in status 5; the dossier is in status ${status}`,
    messageVi: `Chỉ nhận bổ sung khi hồ sơ ở trạng thái 5; hồ sơ đang ở trạng thái ${status}`,
    params: { status },
  }),
};
