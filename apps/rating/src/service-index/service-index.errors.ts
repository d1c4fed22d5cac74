import { AppError } from '@hub/platform';

export type ServiceIndexErrorCode = 'SERVICE_INDEX_AGENCY_NOT_FOUND' | 'SERVICE_INDEX_TARGETS_OPERATORS_ONLY';

export const ServiceIndexErrors = {
  agencyNotFound: (agencyCode: string) =>
    new AppError<ServiceIndexErrorCode>('SERVICE_INDEX_AGENCY_NOT_FOUND', `Agency ${agencyCode} is not known to the service-quality index`, {
      messageVi: `Không tìm thấy cơ quan ${agencyCode} trong bộ chỉ số`,
      params: { agencyCode },
    }),
  operatorsOnly: () =>
    new AppError<ServiceIndexErrorCode>('SERVICE_INDEX_TARGETS_OPERATORS_ONLY', 'Only hub operators may change the index targets', {
      messageVi: 'Chỉ người vận hành hệ thống được thay đổi chỉ tiêu',
    }),
};
