import { platformHttpErrors, type HttpErrorMap } from '@hub/platform';
import type { AgencyErrorCode } from './agency/agency.errors';
import type { CalendarErrorCode } from './calendar/calendar.errors';
import type { ProcedureErrorCode } from './procedure/procedure.errors';
import type { SectorErrorCode } from './sector/sector.errors';
import type { StatusMappingErrorCode } from './status-mapping/status-mapping.errors';

export type CatalogueErrorCode = AgencyErrorCode | SectorErrorCode | CalendarErrorCode | ProcedureErrorCode | StatusMappingErrorCode;

/** Every catalogue error code as an HTTP problem: a code added to an aggregate's union and not mapped here does not compile. */
export const catalogueHttpErrors: HttpErrorMap<CatalogueErrorCode> = {
  ...platformHttpErrors,
  AGENCY_NOT_FOUND: { status: 404, title: 'Agency not found', titleVi: 'Không tìm thấy cơ quan' },
  AGENCY_PARENT_UNKNOWN: { status: 422, title: 'The parent agency is unknown', titleVi: 'Cơ quan cấp trên không tồn tại' },
  AGENCY_HIERARCHY_CYCLE: { status: 422, title: 'The hierarchy would contain a cycle', titleVi: 'Quan hệ cấp trên – cấp dưới bị lặp vòng' },
  SECTOR_NOT_FOUND: { status: 404, title: 'Sector not found', titleVi: 'Không tìm thấy lĩnh vực' },
  CALENDAR_MISSING: { status: 409, title: 'A working calendar is missing', titleVi: 'Chưa có lịch làm việc', extensions: ['missingCalendar'] },
  CALENDAR_NOT_FOUND: { status: 404, title: 'Calendar not found', titleVi: 'Không tìm thấy lịch làm việc' },
  CALENDAR_SCOPE_UNKNOWN: { status: 422, title: 'The agency of this calendar is unknown', titleVi: 'Cơ quan của lịch làm việc không tồn tại' },
  UNKNOWN_AGENCY: { status: 422, title: 'Unknown agency', titleVi: 'Cơ quan không tồn tại' },
  PROCEDURE_NOT_FOUND: { status: 404, title: 'Procedure not found', titleVi: 'Không tìm thấy thủ tục hành chính' },
  PROCEDURE_NOT_IN_FORCE: {
    status: 404,
    title: 'No version of the procedure is in force at that time',
    titleVi: 'Thủ tục hành chính không có phiên bản còn hiệu lực tại thời điểm này',
  },
  PROCEDURE_VERSION_NOT_FOUND: { status: 404, title: 'Procedure version not found', titleVi: 'Không tìm thấy phiên bản thủ tục' },
  PROCEDURE_ALREADY_EXISTS: { status: 409, title: 'The procedure already exists', titleVi: 'Thủ tục hành chính đã tồn tại' },
  PROCEDURE_NO_DRAFT: { status: 409, title: 'Nothing to publish', titleVi: 'Không có bản nháp để công bố' },
  PROCEDURE_NOT_PUBLISHED: { status: 409, title: 'The procedure was never published', titleVi: 'Thủ tục hành chính chưa được công bố' },
  PROCEDURE_WITHDRAWN: { status: 409, title: 'The procedure was withdrawn', titleVi: 'Thủ tục hành chính đã bị bãi bỏ' },
  PROCEDURE_VERSION_OVERLAP: {
    status: 409,
    title: 'The new date overlaps an existing version',
    titleVi: 'Thời điểm hiệu lực trùng với phiên bản đã có',
  },
  UNKNOWN_REFERENCES: {
    status: 422,
    title: 'The procedure refers to unknown agencies or sectors',
    titleVi: 'Thủ tục tham chiếu tới cơ quan hoặc lĩnh vực không tồn tại',
  },
  PUBLICATION_DATE_IN_FUTURE: {
    status: 422,
    title: 'The publication decision is dated in the future',
    titleVi: 'Ngày ban hành quyết định công bố ở tương lai',
  },
  IMPORT_TOO_LARGE: { status: 413, title: 'The import is too large', titleVi: 'Dữ liệu nhập quá lớn', extensions: ['limitBytes'] },
  IMPORT_TOO_MANY_RECORDS: { status: 413, title: 'The import has too many records', titleVi: 'Dữ liệu nhập có quá nhiều bản ghi', extensions: ['limitRecords'] },
  IMPORT_MALFORMED: { status: 400, title: 'The import body is malformed', titleVi: 'Dữ liệu nhập sai định dạng' },
  IMPORT_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported import format', titleVi: 'Định dạng dữ liệu nhập không được hỗ trợ' },
  STATUS_MAPPING_NOT_FOUND: { status: 404, title: 'Status mapping not found', titleVi: 'Không tìm thấy bảng ánh xạ trạng thái' },
  AGENCY_SCOPE_VIOLATION: {
    status: 403,
    title: 'The caller may not act for this agency',
    titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này',
  },
};
