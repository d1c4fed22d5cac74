import { ProblemException } from '@hub/platform';

export enum StatusMappingErrorCode {
  NotFound = 'STATUS_MAPPING_NOT_FOUND',
  AgencyScopeViolation = 'AGENCY_SCOPE_VIOLATION',
}

export const StatusMappingProblems = {
  notFound: (agencyCode: string, version?: number) =>
    new ProblemException({
      status: 404,
      code: StatusMappingErrorCode.NotFound,
      title: 'Status mapping not found',
      titleVi: 'Không tìm thấy bảng ánh xạ trạng thái',
      detail: version ? `Agency system ${agencyCode} has no status mapping version ${version}` : `Agency system ${agencyCode} has no status mapping`,
    }),
  scopeViolation: (agencyCode: string) =>
    new ProblemException({
      status: 403,
      code: StatusMappingErrorCode.AgencyScopeViolation,
      title: 'The caller may not act for this agency',
      titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này',
      detail: `An agency system may only register the status mapping of its own agencies, not ${agencyCode}`,
    }),
};
