import { AppError } from '@hub/platform';

export type SectorErrorCode = 'SECTOR_NOT_FOUND';

export const SECTOR_CODE_MESSAGE = 'must be a sector code such as G09-XD01 (upper-case letters and digits, groups joined by - or .)';

export const SectorErrors = {
  notFound: (code: string) =>
    new AppError<SectorErrorCode>('SECTOR_NOT_FOUND', `No sector ${code} in the catalogue`, { params: { sectorCode: code } }),
};
