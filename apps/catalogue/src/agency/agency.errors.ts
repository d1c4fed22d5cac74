import { AGENCY_CODE_FORMS } from '@hub/contracts';
import { AppError } from '@hub/platform';

export type AgencyErrorCode = 'AGENCY_NOT_FOUND' | 'AGENCY_PARENT_UNKNOWN' | 'AGENCY_HIERARCHY_CYCLE';

export const AGENCY_CODE_MESSAGE = `must be an agency code in one of the forms ${AGENCY_CODE_FORMS.join(' or ')}`;

export const AgencyErrors = {
  notFound: (code: string) =>
    new AppError<AgencyErrorCode>('AGENCY_NOT_FOUND', `No agency ${code} in the catalogue`, {
      messageVi: `Không có cơ quan mã ${code} trong danh mục`,
      params: { agencyCode: code },
    }),
  parentUnknown: (parentCode: string) =>
    new AppError<AgencyErrorCode>('AGENCY_PARENT_UNKNOWN', `Parent agency ${parentCode} is not in the catalogue; create it first`, {
      messageVi: `Cơ quan cấp trên ${parentCode} chưa có trong danh mục`,
      fields: [{ field: 'parentCode', code: 'AGENCY_PARENT_UNKNOWN', message: `agency ${parentCode} does not exist` }],
      params: { parentCode },
    }),
  hierarchyCycle: (code: string, parentCode: string) =>
    new AppError<AgencyErrorCode>('AGENCY_HIERARCHY_CYCLE', `${parentCode} is ${code} itself or one of its subordinates, so it cannot be its parent`, {
      messageVi: `${parentCode} là chính ${code} hoặc đơn vị cấp dưới của ${code}`,
      fields: [{ field: 'parentCode', code: 'AGENCY_HIERARCHY_CYCLE', message: `${parentCode} is in the subtree of ${code}` }],
      params: { agencyCode: code, parentCode },
    }),
};
