import type { HttpErrorMap } from '@hub/platform';
import type { DossierErrorCode } from './dossier/dossier.errors';

/** Every dossier error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const dossierHttpErrors: HttpErrorMap<DossierErrorCode> = {
  PROCEDURE_NOT_AVAILABLE: {
    status: 422,
    title: 'The procedure is unknown or not published',
    titleVi: 'Thủ tục hành chính không tồn tại hoặc chưa được công bố',
  },
  AGENCY_NOT_IMPLEMENTING_PROCEDURE: {
    status: 422,
    title: 'The agency does not implement this procedure',
    titleVi: 'Cơ quan không thực hiện thủ tục hành chính này',
  },
  CHANNEL_NOT_OFFERED: {
    status: 422,
    title: 'The procedure is not offered on this channel',
    titleVi: 'Thủ tục không được thực hiện qua hình thức này',
  },
  AGENCY_SCOPE_VIOLATION: {
    status: 403,
    title: 'The caller may not act for this agency',
    titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này',
  },
  DOSSIER_NOT_FOUND: { status: 404, title: 'Dossier not found', titleVi: 'Không tìm thấy hồ sơ' },
};
