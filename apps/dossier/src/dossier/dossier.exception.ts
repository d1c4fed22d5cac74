import { ProblemException } from '@hub/platform';

export enum DossierErrorCode {
  ProcedureNotAvailable = 'PROCEDURE_NOT_AVAILABLE',
  AgencyNotImplementing = 'AGENCY_NOT_IMPLEMENTING_PROCEDURE',
  ChannelNotOffered = 'CHANNEL_NOT_OFFERED',
  AgencyScopeViolation = 'AGENCY_SCOPE_VIOLATION',
  DossierNotFound = 'DOSSIER_NOT_FOUND',
}

export const DossierProblems = {
  procedureNotAvailable: (code: string) =>
    new ProblemException({
      status: 422,
      code: DossierErrorCode.ProcedureNotAvailable,
      title: 'The procedure is unknown or not published',
      titleVi: 'Thủ tục hành chính không tồn tại hoặc chưa được công bố',
      detail: `Procedure ${code} is not published in the national catalogue`,
      errors: [{ field: 'procedureCode', code: DossierErrorCode.ProcedureNotAvailable, message: `procedure ${code} is not published` }],
    }),
  agencyNotImplementing: (procedure: string, agency: string) =>
    new ProblemException({
      status: 422,
      code: DossierErrorCode.AgencyNotImplementing,
      title: 'The agency does not implement this procedure',
      titleVi: 'Cơ quan không thực hiện thủ tục hành chính này',
      detail: `Agency ${agency} is not an implementing agency of procedure ${procedure}`,
      errors: [{ field: 'receivingAgencyCode', code: DossierErrorCode.AgencyNotImplementing, message: `agency ${agency} does not implement ${procedure}` }],
    }),
  channelNotOffered: (procedure: string, channel: string) =>
    new ProblemException({
      status: 422,
      code: DossierErrorCode.ChannelNotOffered,
      title: 'The procedure is not offered on this channel',
      titleVi: 'Thủ tục không được thực hiện qua hình thức này',
      detail: `Procedure ${procedure} is not offered on channel ${channel}`,
      errors: [{ field: 'channel', code: DossierErrorCode.ChannelNotOffered, message: `channel ${channel} not offered` }],
    }),
  agencyScopeViolation: (agency: string) =>
    new ProblemException({
      status: 403,
      code: DossierErrorCode.AgencyScopeViolation,
      title: 'The caller may not act for this agency',
      titleVi: 'Hệ thống gọi không được phép thao tác với dữ liệu của cơ quan này',
      detail: `The caller is not authorised for agency ${agency}`,
    }),
  notFound: (code: string) =>
    new ProblemException({
      status: 404,
      code: DossierErrorCode.DossierNotFound,
      title: 'Dossier not found',
      titleVi: 'Không tìm thấy hồ sơ',
      detail: `No dossier ${code} visible to the caller`,
    }),
};
