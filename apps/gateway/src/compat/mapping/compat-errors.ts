import { DOSSIER_ERROR_CODES } from '@hub/contracts';

/**
 * The one error-code mapping of the compatibility transport (`/dvcqg/...`): the compat error codes, their
 * Vietnamese messages, and every native problem code the adapter can receive from the services, mapped
 * exhaustively. A native code missing here does not compile (NATIVE_PROBLEM_CODES is the list); one the list does
 * not know at run time answers UNAVAILABLE and is logged by the caller.
 */
export const CompatError = {
  SESSION_INVALID: 1,
  LOGIN_FAILED: 2,
  UNKNOWN_SERVICE: 3,
  AGENCY_NOT_IN_SCOPE: 4,
  INVALID_REQUEST: 5,
  BATCH_TOO_LARGE: 6,
  INVALID_FIELD: 7,
  PROCEDURE_UNKNOWN: 8,
  PROCEDURE_NOT_IMPLEMENTED: 9,
  STATUS_TRANSITION: 10,
  DOSSIER_CONFLICT: 11,
  NOT_FOUND: 12,
  SOME_RECORDS_REJECTED: 13,
  FORBIDDEN: 14,
  RATE_LIMITED: 15,
  UNAVAILABLE: 99,
} as const;
export type CompatErrorCode = (typeof CompatError)[keyof typeof CompatError];

/** Problem codes of the native services (dossier, catalogue, rating, platform, gateway) the adapter may see. */
export const NATIVE_PROBLEM_CODES = [
  // dossier (the dossier service's own list: a new code there does not compile until NATIVE_TO_COMPAT maps it)
  ...DOSSIER_ERROR_CODES,
  // catalogue
  'PROCEDURE_NOT_FOUND',
  'AGENCY_NOT_FOUND',
  'SECTOR_NOT_FOUND',
  // rating
  'SATISFACTION_SUMMARY_INVALID',
  // platform and gateway
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'JSON_TOO_DEEP',
  'JSON_TOO_MANY_ITEMS',
  'JSON_STRING_TOO_LONG',
  'ROUTE_NOT_FOUND',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'EXCHANGE_LOG_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type NativeProblemCode = (typeof NATIVE_PROBLEM_CODES)[number];

interface CompatMeaning {
  code: CompatErrorCode;
  vi: string;
}

export const NATIVE_TO_COMPAT: Readonly<Record<NativeProblemCode, CompatMeaning>> = {
  INVALID_RECORD: { code: CompatError.INVALID_FIELD, vi: 'Dữ liệu hồ sơ không hợp lệ' },
  BATCH_TOO_LARGE: { code: CompatError.BATCH_TOO_LARGE, vi: 'Quá nhiều bản ghi trong một lần gọi' },
  INVALID_STATUS_TRANSITION: { code: CompatError.STATUS_TRANSITION, vi: 'Không được phép chuyển trạng thái hồ sơ' },
  VERSION_CONFLICT: { code: CompatError.DOSSIER_CONFLICT, vi: 'Hồ sơ đã được cập nhật đồng thời; hãy gửi lại' },
  DOSSIER_CODE_DATE_MISMATCH: { code: CompatError.INVALID_FIELD, vi: 'Phần ngày của mã hồ sơ không khớp ngày tiếp nhận' },
  DOSSIER_CODE_AGENCY_MISMATCH: { code: CompatError.INVALID_FIELD, vi: 'Mã hồ sơ không thuộc cơ quan tiếp nhận' },
  TIME_IN_FUTURE: { code: CompatError.INVALID_FIELD, vi: 'Thời điểm muộn hơn thời điểm hiện tại' },
  TIME_OUT_OF_ORDER: { code: CompatError.INVALID_FIELD, vi: 'Thời điểm không đúng thứ tự thời gian của hồ sơ' },
  NOTICE_STATUS_MISMATCH: { code: CompatError.STATUS_TRANSITION, vi: 'Thông báo không phù hợp với trạng thái hồ sơ' },
  NOTICE_NUMBER_TAKEN: { code: CompatError.DOSSIER_CONFLICT, vi: 'Số thông báo đã được dùng' },
  EXTENSION_ALREADY_USED: { code: CompatError.DOSSIER_CONFLICT, vi: 'Hồ sơ đã được gia hạn một lần' },
  EXTENSION_NOT_LATER: { code: CompatError.INVALID_FIELD, vi: 'Ngày hẹn mới phải sau hạn giải quyết hiện tại' },
  SUPPLEMENT_NOT_REQUESTED: { code: CompatError.STATUS_TRANSITION, vi: 'Hồ sơ không ở trạng thái yêu cầu bổ sung' },
  PROCEDURE_NOT_YET_KNOWN: { code: CompatError.PROCEDURE_UNKNOWN, vi: 'Mã thủ tục hành chính không có trong cơ sở dữ liệu thủ tục hành chính' },
  PROCEDURE_NOT_IN_FORCE: { code: CompatError.PROCEDURE_UNKNOWN, vi: 'Thủ tục hành chính không có hiệu lực tại ngày tiếp nhận' },
  PROCEDURE_NOT_AVAILABLE: { code: CompatError.PROCEDURE_UNKNOWN, vi: 'Thủ tục hành chính không tồn tại hoặc chưa được công bố' },
  AGENCY_NOT_IMPLEMENTING_PROCEDURE: { code: CompatError.PROCEDURE_NOT_IMPLEMENTED, vi: 'Cơ quan không thực hiện thủ tục hành chính này' },
  CHANNEL_NOT_OFFERED: { code: CompatError.PROCEDURE_NOT_IMPLEMENTED, vi: 'Thủ tục không được thực hiện qua kênh này' },
  LOCAL_STATUS_UNMAPPED: { code: CompatError.INVALID_FIELD, vi: 'Mã trạng thái chưa được ánh xạ' },
  AGENCY_SCOPE_VIOLATION: { code: CompatError.AGENCY_NOT_IN_SCOPE, vi: 'Hệ thống không được phép thao tác với dữ liệu của đơn vị này' },
  DOSSIER_NOT_FOUND: { code: CompatError.NOT_FOUND, vi: 'Không tìm thấy hồ sơ' },
  PROCEDURE_NOT_FOUND: { code: CompatError.PROCEDURE_UNKNOWN, vi: 'Không tìm thấy thủ tục hành chính' },
  AGENCY_NOT_FOUND: { code: CompatError.NOT_FOUND, vi: 'Không tìm thấy cơ quan' },
  SECTOR_NOT_FOUND: { code: CompatError.NOT_FOUND, vi: 'Không tìm thấy lĩnh vực' },
  SATISFACTION_SUMMARY_INVALID: { code: CompatError.INVALID_FIELD, vi: 'Dữ liệu đánh giá không hợp lệ' },
  VALIDATION_FAILED: { code: CompatError.INVALID_FIELD, vi: 'Dữ liệu không hợp lệ' },
  UNAUTHENTICATED: { code: CompatError.SESSION_INVALID, vi: 'Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại' },
  FORBIDDEN: { code: CompatError.FORBIDDEN, vi: 'Hệ thống không có quyền thực hiện dịch vụ này' },
  RATE_LIMITED: { code: CompatError.RATE_LIMITED, vi: 'Vượt quá số lần gọi cho phép; hãy thử lại sau' },
  PAYLOAD_TOO_LARGE: { code: CompatError.BATCH_TOO_LARGE, vi: 'Dữ liệu gửi lên quá lớn' },
  JSON_TOO_DEEP: { code: CompatError.INVALID_REQUEST, vi: 'Dữ liệu gửi lên lồng nhau quá sâu' },
  JSON_TOO_MANY_ITEMS: { code: CompatError.BATCH_TOO_LARGE, vi: 'Dữ liệu gửi lên có quá nhiều phần tử' },
  JSON_STRING_TOO_LONG: { code: CompatError.INVALID_REQUEST, vi: 'Một giá trị gửi lên quá dài' },
  ROUTE_NOT_FOUND: { code: CompatError.UNAVAILABLE, vi: 'Dịch vụ tạm thời không khả dụng' },
  UPSTREAM_TIMEOUT: { code: CompatError.UNAVAILABLE, vi: 'Hệ thống không phản hồi kịp thời; hãy thử lại' },
  UPSTREAM_UNAVAILABLE: { code: CompatError.UNAVAILABLE, vi: 'Hệ thống tạm thời không khả dụng; hãy thử lại' },
  EXCHANGE_LOG_UNAVAILABLE: { code: CompatError.UNAVAILABLE, vi: 'Không ghi được nhật ký trao đổi; hãy thử lại' },
  INTERNAL_ERROR: { code: CompatError.UNAVAILABLE, vi: 'Lỗi hệ thống; hãy thử lại' },
};

const FALLBACK: CompatMeaning = { code: CompatError.UNAVAILABLE, vi: 'Lỗi hệ thống; hãy thử lại' };

export function isNativeProblemCode(code: unknown): code is NativeProblemCode {
  return typeof code === 'string' && (NATIVE_PROBLEM_CODES as readonly string[]).includes(code);
}

/** The compat meaning of a native problem code (an unknown one: UNAVAILABLE). */
export function compatMeaningOf(code: unknown): CompatMeaning {
  return isNativeProblemCode(code) ? NATIVE_TO_COMPAT[code] : FALLBACK;
}

/** Native field paths of a sync record → the vocabulary's field names, so every message names the field the client sent. */
const FIELD_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^code$/, 'MaHoSo'],
  [/^receivingAgencyCode$/, 'MaHoSo'],
  [/^procedureCode$/, 'MaTTHC'],
  [/^receivedAt$/, 'NgayTiepNhan'],
  [/^(status|statusChangedAt|localStatus)$/, 'TrangThaiHoSo'],
  [/^appointmentAt$/, 'NgayHenTra'],
  [/^channel$/, 'KenhThucHien'],
  [/^summary$/, 'TrichYeuHoSo'],
  [/^applicant\.fullName$/, 'ChuHoSo'],
  [/^applicant\.idNumber$/, 'SoGiayToChuHoSo'],
  [/^applicant\.phone$/, 'SoDienThoai'],
  [/^applicant\.email$/, 'Email'],
  [/^documents\.(\d+)/, 'TaiLieuNop[$1]'],
  [/^fees\.(\d+)/, 'DanhSachLePhi[$1]'],
  [/^results\.(\d+)/, 'DanhSachGiayToKetQua[$1]'],
  [/^supplements\.(\d+)/, 'DanhSachHoSoBoSung[$1]'],
  [/^steps\.\d+\.at$/, 'NgayKetThucXuLy'],
  [/^steps\.\d+/, 'TrangThaiHoSo'],
  [/^version$/, 'MaHoSo'],
];

/** A DongBoHoSoMC record's native field → its name in the vocabulary (unknown paths stay as they are). */
export function dossierFieldName(nativeField: string | undefined): string | undefined {
  if (!nativeField) return undefined;
  for (const [pattern, name] of FIELD_NAMES) {
    const match = pattern.exec(nativeField);
    if (match) return name.replace('$1', match[1] ?? '');
  }
  return nativeField;
}

/** A CapNhatTienDoHoSoMC step's native field (`steps.3.at`) → `data[3].ThoiDiemXuLy`. */
export function progressFieldName(nativeField: string | undefined): string | undefined {
  const m = /^steps\.(\d+)\.?(.*)$/.exec(nativeField ?? '');
  if (!m) return nativeField;
  const names: Record<string, string> = { at: 'ThoiDiemXuLy', status: 'TrangThai', handledBy: 'NguoiXuLy', position: 'ChucDanh', unit: 'PhongBanXuLy', content: 'NoiDungXuLy', code: 'MaHoSo', startedAt: 'NgayBatDau', dueAt: 'NgayKetThucTheoQuyDinh' };
  return `data[${m[1]}]${m[2] ? `.${names[m[2]] ?? m[2]}` : ''}`;
}

/** `<what went wrong> (trường <field>)`: the message a client shows its operator. */
export function describeProblem(vi: string, field?: string, subject?: string): string {
  return `${subject ? `${subject}: ` : ''}${vi}${field ? ` (trường ${field})` : ''}`.normalize('NFC');
}
