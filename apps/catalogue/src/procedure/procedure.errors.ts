import { AppError, type FieldError } from '@hub/platform';

export type ProcedureErrorCode =
  | 'PROCEDURE_NOT_FOUND'
  | 'PROCEDURE_NOT_IN_FORCE'
  | 'PROCEDURE_VERSION_NOT_FOUND'
  | 'PROCEDURE_ALREADY_EXISTS'
  | 'PROCEDURE_NO_DRAFT'
  | 'PROCEDURE_NOT_PUBLISHED'
  | 'PROCEDURE_WITHDRAWN'
  | 'PROCEDURE_VERSION_OVERLAP'
  | 'UNKNOWN_REFERENCES'
  | 'PUBLICATION_DATE_IN_FUTURE'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_TOO_MANY_RECORDS'
  | 'IMPORT_MALFORMED'
  | 'IMPORT_UNSUPPORTED_MEDIA_TYPE';

/** Field codes inside `errors` (not problem codes). */
export const ProcedureFieldCode = {
  UnknownAgency: 'UNKNOWN_AGENCY',
  UnknownSector: 'UNKNOWN_SECTOR',
  Withdrawn: 'PROCEDURE_WITHDRAWN',
} as const;

const error = (code: ProcedureErrorCode, message: string, options?: ConstructorParameters<typeof AppError>[2]) =>
  new AppError<ProcedureErrorCode>(code, message, options);

export const ProcedureErrors = {
  notFound: (code: string) => error('PROCEDURE_NOT_FOUND', `No procedure ${code} in the catalogue`, { params: { procedureCode: code } }),
  notInForce: (code: string, why: string, whyVi: string) =>
    error('PROCEDURE_NOT_IN_FORCE', `Procedure ${code}: ${why}`, { messageVi: `Thủ tục ${code}: ${whyVi}`, params: { procedureCode: code } }),
  versionNotFound: (code: string, version: number) =>
    error('PROCEDURE_VERSION_NOT_FOUND', `Procedure ${code} has no version ${version}`, { params: { procedureCode: code, version } }),
  alreadyExists: (code: string) =>
    error(
      'PROCEDURE_ALREADY_EXISTS',
      `Procedure ${code} already exists; change it with PUT /v1/procedures/${code}/draft and publish a new version`,
      { params: { procedureCode: code } },
    ),
  noDraft: (code: string) =>
    error('PROCEDURE_NO_DRAFT', `Procedure ${code} has no draft; put one with PUT /v1/procedures/${code}/draft first`, {
      params: { procedureCode: code },
    }),
  notPublished: (code: string) => error('PROCEDURE_NOT_PUBLISHED', `Procedure ${code} has no published version`, { params: { procedureCode: code } }),
  withdrawn: (code: string, at: string) =>
    error('PROCEDURE_WITHDRAWN', `Procedure ${code} was withdrawn (abolished) as of ${at}; a withdrawn procedure cannot change`, {
      params: { procedureCode: code, withdrawnAt: at },
    }),
  versionOverlap: (code: string, latestVersion: number, latestFrom: string, field: string) =>
    error(
      'PROCEDURE_VERSION_OVERLAP',
      `Procedure ${code}: ${field} must be later than ${latestFrom}, when version ${latestVersion} took effect or was entered (versions are never rewritten)`,
      {
        messageVi: `Thủ tục ${code}: thời điểm mới phải sau ${latestFrom}, thời điểm phiên bản ${latestVersion} có hiệu lực hoặc được cập nhật`,
        fields: [{ field, code: 'PROCEDURE_VERSION_OVERLAP', message: `${field} must be later than ${latestFrom}` }],
        params: { procedureCode: code, latestVersion, latestFrom },
      },
    ),
  unknownReferences: (errors: FieldError[]) =>
    error('UNKNOWN_REFERENCES', errors.map((e) => e.message).join('; '), { fields: errors }),
  publicationDateInFuture: (field: string, date: string, latest: string) =>
    error('PUBLICATION_DATE_IN_FUTURE', `${field} ${date} is later than ${latest}, the latest date accepted today`, {
      fields: [{ field, code: 'PUBLICATION_DATE_IN_FUTURE', message: `must not be later than ${latest}` }],
      params: { date, latest },
    }),
  importTooLarge: (limit: number) =>
    error('IMPORT_TOO_LARGE', `The import body exceeds ${limit} bytes; nothing was imported. Split it into several calls.`, {
      messageVi: `Dữ liệu vượt quá ${limit} byte; chưa có bản ghi nào được nhập. Hãy chia thành nhiều lần gọi.`,
      params: { limitBytes: limit },
    }),
  importTooManyRecords: (limit: number) =>
    error('IMPORT_TOO_MANY_RECORDS', `The import carries more than ${limit} records; nothing was imported. Split it into several calls.`, {
      messageVi: `Dữ liệu nhập có hơn ${limit} bản ghi; chưa có bản ghi nào được nhập. Hãy chia thành nhiều lần gọi.`,
      params: { limitRecords: limit },
    }),
  importMalformed: (detail: string) => error('IMPORT_MALFORMED', `${detail}; nothing was imported`),
  importMediaType: (got: string) =>
    error(
      'IMPORT_UNSUPPORTED_MEDIA_TYPE',
      `Send application/json ({"records": [...]} or [...]) or application/x-ndjson (one record per line), not ${got.slice(0, 100)}`,
    ),
};
