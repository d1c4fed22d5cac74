import { NATIONAL_SCOPE } from '@hub/calendar';
import { isAgencyCode, isProcedureCode, isSectorCode } from '@hub/contracts';
import { PatternPipe } from '@hub/platform';

/** Path parameters of the catalogue, each checked by the platform's one pipe (`INVALID_FORMAT`). */
export const PathParams = {
  agencyCode: (field = 'code') => new PatternPipe(isAgencyCode, field, '000.00.15.H31 or H29.101'),
  sectorCode: () => new PatternPipe(isSectorCode, 'code', 'G09-XD01'),
  procedureCode: () => new PatternPipe(isProcedureCode, 'code', '1.001234 or 2.000815.000.00.00.H55'),
  calendarScope: () => new PatternPipe((v) => v === NATIONAL_SCOPE || isAgencyCode(v), 'scope', `${NATIONAL_SCOPE} or an agency code`),
  calendarYear: () => new PatternPipe((v) => /^\d{4}$/.test(v) && Number(v) >= 1976, 'year', 'a year from 1976 to 9999'),
  version: () => new PatternPipe(/^[1-9]\d{0,5}$/, 'version', 'a positive whole number'),
};
