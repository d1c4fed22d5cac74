import { AGENCY_CODE_FORMS } from '@hub/contracts';
import { ProblemException } from '@hub/platform';

export enum AgencyErrorCode {
  InvalidCode = 'INVALID_AGENCY_CODE',
  NotFound = 'AGENCY_NOT_FOUND',
  ParentUnknown = 'AGENCY_PARENT_UNKNOWN',
  HierarchyCycle = 'AGENCY_HIERARCHY_CYCLE',
}

export const AGENCY_CODE_MESSAGE = `must be an agency code in one of the forms ${AGENCY_CODE_FORMS.join(' or ')}`;

export const AgencyProblems = {
  invalidCode: (field: string, value: string) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid agency code',
      titleVi: 'Mã cơ quan không hợp lệ',
      detail: `"${value.slice(0, 60)}" is not an agency code; expected ${AGENCY_CODE_FORMS.join(' or ')}`,
      detailVi: `Mã cơ quan phải có dạng ${AGENCY_CODE_FORMS.join(' hoặc ')}`,
      errors: [{ field, code: AgencyErrorCode.InvalidCode, message: `${field} ${AGENCY_CODE_MESSAGE}` }],
    }),
  notFound: (code: string) =>
    new ProblemException({
      status: 404,
      code: AgencyErrorCode.NotFound,
      title: 'Agency not found',
      titleVi: 'Không tìm thấy cơ quan',
      detail: `No agency ${code} in the catalogue`,
      detailVi: `Không có cơ quan mã ${code} trong danh mục`,
    }),
  parentUnknown: (parentCode: string) =>
    new ProblemException({
      status: 422,
      code: AgencyErrorCode.ParentUnknown,
      title: 'The parent agency is unknown',
      titleVi: 'Cơ quan cấp trên không tồn tại',
      detail: `Parent agency ${parentCode} is not in the catalogue; create it first`,
      detailVi: `Cơ quan cấp trên ${parentCode} chưa có trong danh mục`,
      errors: [{ field: 'parentCode', code: AgencyErrorCode.ParentUnknown, message: `agency ${parentCode} does not exist` }],
    }),
  hierarchyCycle: (code: string, parentCode: string) =>
    new ProblemException({
      status: 422,
      code: AgencyErrorCode.HierarchyCycle,
      title: 'The hierarchy would contain a cycle',
      titleVi: 'Quan hệ cấp trên – cấp dưới bị lặp vòng',
      detail: `${parentCode} is ${code} itself or one of its subordinates, so it cannot be its parent`,
      detailVi: `${parentCode} là chính ${code} hoặc đơn vị cấp dưới của ${code}`,
      errors: [{ field: 'parentCode', code: AgencyErrorCode.HierarchyCycle, message: `${parentCode} is in the subtree of ${code}` }],
    }),
};
