import { ProblemException } from '@hub/platform';

export enum SectorErrorCode {
  InvalidCode = 'INVALID_SECTOR_CODE',
  NotFound = 'SECTOR_NOT_FOUND',
}

export const SECTOR_CODE_MESSAGE = 'must be a sector code such as G09-XD01 (upper-case letters and digits, groups joined by - or .)';

export const SectorProblems = {
  invalidCode: (value: string) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid sector code',
      titleVi: 'Mã lĩnh vực không hợp lệ',
      detail: `"${value.slice(0, 60)}" is not a sector code`,
      errors: [{ field: 'code', code: SectorErrorCode.InvalidCode, message: `code ${SECTOR_CODE_MESSAGE}` }],
    }),
  notFound: (code: string) =>
    new ProblemException({
      status: 404,
      code: SectorErrorCode.NotFound,
      title: 'Sector not found',
      titleVi: 'Không tìm thấy lĩnh vực',
      detail: `No sector ${code} in the catalogue`,
    }),
};
