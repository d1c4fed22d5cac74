import { AppError, type FieldError } from '@hub/platform';
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
