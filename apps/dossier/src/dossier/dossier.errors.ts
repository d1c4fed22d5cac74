import { AppError, type FieldError, type HttpErrorMap } from '@hub/platform';
import { DOSSIER_ERROR_CODES, type DossierErrorCode, type Rejection } from './domain/rejection';

export { DOSSIER_ERROR_CODES, type DossierErrorCode };
export type DossierError = AppError<DossierErrorCode>;

/** The domain's refusal as an AppError (one list of messages for HTTP answers and per-record sync problems). */
export function dossierError(r: Rejection, fields?: FieldError[]): DossierError {
  return new AppError(r.code, r.message, {
    messageVi: r.messageVi,
    fields: fields ?? (r.field === undefined ? undefined : [{ field: r.field, code: r.code, message: r.message }]),
    params: { ...r.params, ...(r.retryable === undefined ? {} : { retryable: r.retryable }) },
  });
}

const err = (code: DossierErrorCode, message: string, messageVi: string, field?: string, params?: Record<string, unknown>): DossierError =>
  dossierError({ code, message, messageVi, field, params });

/** Refusals of the use cases (the domain's own are in domain/rejection.ts). */
export const DossierErrors = {
  invalidRecord: (fields: FieldError[]): DossierError =>
    dossierError({ code: 'INVALID_RECORD', message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), messageVi: 'Bản ghi hồ sơ không hợp lệ' }, fields),
  batchTooLarge: (count: number, max: number) =>
    err('BATCH_TOO_LARGE', `A batch holds 1 to ${max} dossiers; this one has ${count}`, `Mỗi lần đồng bộ từ 1 đến ${max} hồ sơ; lần này có ${count}`, 'dossiers', { count, max }),
  procedureNotYetKnown: (code: string) =>
    dossierError({ code: 'PROCEDURE_NOT_YET_KNOWN', message: `Procedure ${code} is not known to the hub yet; retry later if it was just published`, messageVi: `Thủ tục ${code} chưa có trong dữ liệu của hệ thống; hãy gửi lại sau`, field: 'procedureCode', retryable: true }),
  procedureNotInForce: (code: string, at: string) =>
    dossierError({ code: 'PROCEDURE_NOT_IN_FORCE', message: `No version of procedure ${code} was in force at ${at}`, messageVi: `Không có phiên bản nào của thủ tục ${code} có hiệu lực vào ${at}`, field: 'receivedAt', retryable: false }),
  procedureNotAvailable: (code: string) =>
    err('PROCEDURE_NOT_AVAILABLE', `Procedure ${code} is not published in the national catalogue`, 'Thủ tục hành chính không tồn tại hoặc chưa được công bố', 'procedureCode'),
  agencyNotImplementing: (procedure: string, agency: string) =>
    err('AGENCY_NOT_IMPLEMENTING_PROCEDURE', `Agency ${agency} is not an implementing agency of procedure ${procedure}`, 'Cơ quan không thực hiện thủ tục hành chính này', 'receivingAgencyCode'),
  channelNotOffered: (procedure: string, channel: string) =>
    err('CHANNEL_NOT_OFFERED', `Procedure ${procedure} is not offered on channel ${channel}`, 'Thủ tục không được thực hiện qua hình thức này', 'channel'),
  localStatusUnmapped: (localStatus: string) =>
    err('LOCAL_STATUS_UNMAPPED', `Local status ${localStatus} has no mapping to the national status list`, `Mã trạng thái ${localStatus} chưa được ánh xạ sang danh mục trạng thái quốc gia`, 'localStatus'),
  statusMissing: () =>
    dossierError({ code: 'INVALID_RECORD', message: 'Send exactly one of status and localStatus', messageVi: 'Phải gửi đúng một trong hai trường status hoặc localStatus', field: 'status' }),
  agencyScopeViolation: (agency: string) =>
    err('AGENCY_SCOPE_VIOLATION', `The caller is not authorised for agency ${agency}`, 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này', 'receivingAgencyCode'),
  notFound: (code: string) => err('DOSSIER_NOT_FOUND', `No dossier ${code} visible to the caller`, 'Không tìm thấy hồ sơ'),
};

/** Every dossier code mapped to HTTP once; a new code that is not mapped does not compile. */
export const DOSSIER_HTTP_ERRORS: HttpErrorMap<DossierErrorCode> = {
  INVALID_RECORD: { status: 422, title: 'The dossier record is invalid', titleVi: 'Bản ghi hồ sơ không hợp lệ' },
  BATCH_TOO_LARGE: { status: 413, title: 'Too many dossiers in one batch', titleVi: 'Quá nhiều hồ sơ trong một lần đồng bộ' },
  INVALID_STATUS_TRANSITION: { status: 409, title: 'This status change is not allowed', titleVi: 'Không được phép chuyển trạng thái này' },
  VERSION_CONFLICT: { status: 409, title: 'Same version, different content', titleVi: 'Cùng phiên bản nhưng khác nội dung' },
  DOSSIER_CODE_DATE_MISMATCH: { status: 422, title: 'The dossier code is not dated on the day of receipt', titleVi: 'Mã hồ sơ không khớp ngày tiếp nhận' },
  DOSSIER_CODE_AGENCY_MISMATCH: { status: 422, title: 'The dossier code belongs to another agency', titleVi: 'Mã hồ sơ không thuộc cơ quan tiếp nhận' },
  TIME_IN_FUTURE: { status: 422, title: 'A time is in the future', titleVi: 'Thời điểm ở tương lai' },
  TIME_OUT_OF_ORDER: { status: 422, title: "A time is out of order on the dossier's timeline", titleVi: 'Thời điểm không đúng thứ tự' },
  NOTICE_STATUS_MISMATCH: { status: 409, title: 'The notice does not fit the dossier status', titleVi: 'Thông báo không phù hợp với trạng thái hồ sơ' },
  NOTICE_NUMBER_TAKEN: { status: 409, title: 'A different notice with this number exists', titleVi: 'Số thông báo đã được dùng' },
  EXTENSION_ALREADY_USED: { status: 409, title: 'The one extension was already used', titleVi: 'Hồ sơ đã được gia hạn một lần' },
  EXTENSION_NOT_LATER: { status: 422, title: 'The new appointment is not later than the due date', titleVi: 'Ngày hẹn mới không sau hạn giải quyết' },
  SUPPLEMENT_NOT_REQUESTED: { status: 409, title: 'No supplement was requested', titleVi: 'Hồ sơ không ở trạng thái yêu cầu bổ sung' },
  PROCEDURE_NOT_YET_KNOWN: { status: 422, title: 'The procedure is not known to the hub yet', titleVi: 'Thủ tục chưa có trong dữ liệu của hệ thống' },
  PROCEDURE_NOT_IN_FORCE: { status: 422, title: 'No version of the procedure was in force at receipt', titleVi: 'Thủ tục không có hiệu lực tại thời điểm tiếp nhận' },
  PROCEDURE_NOT_AVAILABLE: { status: 422, title: 'The procedure is unknown or not published', titleVi: 'Thủ tục hành chính không tồn tại hoặc chưa được công bố' },
  AGENCY_NOT_IMPLEMENTING_PROCEDURE: { status: 422, title: 'The agency does not implement this procedure', titleVi: 'Cơ quan không thực hiện thủ tục hành chính này' },
  CHANNEL_NOT_OFFERED: { status: 422, title: 'The procedure is not offered on this channel', titleVi: 'Thủ tục không được thực hiện qua hình thức này' },
  LOCAL_STATUS_UNMAPPED: { status: 422, title: 'The local status is not mapped', titleVi: 'Mã trạng thái chưa được ánh xạ' },
  AGENCY_SCOPE_VIOLATION: { status: 403, title: 'The caller may not act for this agency', titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này' },
  DOSSIER_NOT_FOUND: { status: 404, title: 'Dossier not found', titleVi: 'Không tìm thấy hồ sơ' },
};

/** The `problem` of one sync record: the same AppError, as an object inside a 200 answer. */
export interface RecordProblem {
  code: DossierErrorCode;
  title: string;
  detail: string;
  field?: string;
  retryable?: boolean;
  errors?: FieldError[];
}

export function recordProblem(error: DossierError): RecordProblem {
  const retryable = error.params?.retryable;
  return {
    code: error.code,
    title: DOSSIER_HTTP_ERRORS[error.code].title,
    detail: error.message,
    ...(error.fields?.[0] ? { field: error.fields[0].field } : {}),
    ...(typeof retryable === 'boolean' ? { retryable } : {}),
    ...(error.fields && error.fields.length > 1 ? { errors: error.fields } : {}),
  };
}
