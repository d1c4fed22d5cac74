import { ApiParam } from '@nestjs/swagger';
import { NATIONAL_SCOPE } from '@hub/calendar';

/** Examples of the catalogue's path parameters in the published API document (what `PathParams` accepts). */
export const PathExamples = {
  agencyCode: (name = 'code') => ApiParam({ name, example: '000.00.15.H31', description: 'Agency code (QCVN 102:2016)' }),
  sectorCode: () => ApiParam({ name: 'code', example: 'G09-XD01', description: 'Sector code' }),
  procedureCode: () => ApiParam({ name: 'code', example: '1.001234', description: 'Procedure code (national, or with a local suffix)' }),
  calendarScope: () => ApiParam({ name: 'scope', example: NATIONAL_SCOPE, description: `${NATIONAL_SCOPE} or an agency code` }),
  calendarYear: () => ApiParam({ name: 'year', example: '2026', description: 'A year from 1976' }),
  version: () => ApiParam({ name: 'version', example: '2', description: 'Published version number' }),
};
