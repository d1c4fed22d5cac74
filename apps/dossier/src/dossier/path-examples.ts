import { ApiParam } from '@nestjs/swagger';
import { DOSSIER_CODE_EXAMPLE } from '@hub/contracts';

/** Examples of the dossier service's path parameters in the published API document. */
export const PathExamples = {
  dossierCode: () => ApiParam({ name: 'code', example: DOSSIER_CODE_EXAMPLE, description: 'Dossier code (agency code-yyMMdd-sequence)' }),
  agencyCode: () => ApiParam({ name: 'agencyCode', example: '000.00.15.H31', description: 'Agency code (QCVN 102:2016) of one of the caller’s agencies' }),
};
