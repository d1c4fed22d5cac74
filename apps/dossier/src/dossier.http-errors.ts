import type { HttpErrorMap } from '@hub/platform';
import type { DossierErrorCode } from './dossier/dossier.errors';

/** Every dossier code mapped to HTTP once; a new code that is not mapped does not compile. */
export const dossierHttpErrors: HttpErrorMap<DossierErrorCode> = {
  INVALID_RECORD: { status: 422, title: 'The dossier record is invalid', titleVi: 'Bản ghi hồ sơ không hợp lệ' },
  BATCH_TOO_LARGE: { status: 413, title: 'Too many dossiers in one batch', titleVi: 'Quá nhiều hồ sơ trong một lần đồng bộ', extensions: ['count', 'max'] },
  INVALID_STATUS_TRANSITION: { status: 409, title: 'This status change is not allowed', titleVi: 'Không được phép chuyển trạng thái này', extensions: ['current', 'requested'] },
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
  PROCEDURE_NOT_YET_KNOWN: { status: 422, title: 'The procedure is not known to the hub yet', titleVi: 'Thủ tục chưa có trong dữ liệu của hệ thống', extensions: ['retryable'] },
  PROCEDURE_NOT_IN_FORCE: { status: 422, title: 'No version of the procedure was in force at receipt', titleVi: 'Thủ tục không có hiệu lực tại thời điểm tiếp nhận', extensions: ['retryable'] },
  PROCEDURE_NOT_AVAILABLE: { status: 422, title: 'The procedure is unknown or not published', titleVi: 'Thủ tục hành chính không tồn tại hoặc chưa được công bố' },
  AGENCY_NOT_IMPLEMENTING_PROCEDURE: { status: 422, title: 'The agency does not implement this procedure', titleVi: 'Cơ quan không thực hiện thủ tục hành chính này' },
  CHANNEL_NOT_OFFERED: { status: 422, title: 'The procedure is not offered on this channel', titleVi: 'Thủ tục không được thực hiện qua hình thức này' },
  LOCAL_STATUS_UNMAPPED: { status: 422, title: 'The local status is not mapped', titleVi: 'Mã trạng thái chưa được ánh xạ' },
  AGENCY_SCOPE_VIOLATION: { status: 403, title: 'The caller may not act for this agency', titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này' },
  DOSSIER_NOT_FOUND: { status: 404, title: 'Dossier not found', titleVi: 'Không tìm thấy hồ sơ' },
};
