import { AppError } from '@hub/platform';

export type DossierErrorCode =
  | 'PROCEDURE_NOT_AVAILABLE'
  | 'AGENCY_NOT_IMPLEMENTING_PROCEDURE'
  | 'CHANNEL_NOT_OFFERED'
  | 'AGENCY_SCOPE_VIOLATION'
  | 'DOSSIER_NOT_FOUND';

export const DossierErrors = {
  procedureNotAvailable: (code: string) =>
    new AppError<DossierErrorCode>('PROCEDURE_NOT_AVAILABLE', `Procedure ${code} is not published in the national catalogue`, {
      fields: [{ field: 'procedureCode', code: 'PROCEDURE_NOT_AVAILABLE', message: `procedure ${code} is not published` }],
      params: { procedureCode: code },
    }),
  agencyNotImplementing: (procedure: string, agency: string) =>
    new AppError<DossierErrorCode>('AGENCY_NOT_IMPLEMENTING_PROCEDURE', `Agency ${agency} is not an implementing agency of procedure ${procedure}`, {
      fields: [{ field: 'receivingAgencyCode', code: 'AGENCY_NOT_IMPLEMENTING_PROCEDURE', message: `agency ${agency} does not implement ${procedure}` }],
      params: { procedureCode: procedure, agencyCode: agency },
    }),
  channelNotOffered: (procedure: string, channel: string) =>
    new AppError<DossierErrorCode>('CHANNEL_NOT_OFFERED', `Procedure ${procedure} is not offered on channel ${channel}`, {
      fields: [{ field: 'channel', code: 'CHANNEL_NOT_OFFERED', message: `channel ${channel} not offered` }],
      params: { procedureCode: procedure, channel },
    }),
  agencyScopeViolation: (agency: string) =>
    new AppError<DossierErrorCode>('AGENCY_SCOPE_VIOLATION', `The caller is not authorised for agency ${agency}`, { params: { agencyCode: agency } }),
  notFound: (code: string) =>
    new AppError<DossierErrorCode>('DOSSIER_NOT_FOUND', `No dossier ${code} visible to the caller`, { params: { dossierCode: code } }),
};
