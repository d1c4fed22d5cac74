import { AppError } from '@hub/platform';

export type StatusMappingErrorCode = 'STATUS_MAPPING_NOT_FOUND' | 'AGENCY_SCOPE_VIOLATION';

export const StatusMappingErrors = {
  notFound: (agencyCode: string, version?: number) =>
    new AppError<StatusMappingErrorCode>(
      'STATUS_MAPPING_NOT_FOUND',
      version ? `Agency system ${agencyCode} has no status mapping version ${version}` : `Agency system ${agencyCode} has no status mapping`,
      { params: { agencyCode, version } },
    ),
  scopeViolation: (agencyCode: string) =>
    new AppError<StatusMappingErrorCode>(
      'AGENCY_SCOPE_VIOLATION',
      `An agency system may only register the status mapping of its own agencies, not ${agencyCode}`,
      { params: { agencyCode } },
    ),
};
