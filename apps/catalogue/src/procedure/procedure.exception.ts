import { ProblemException, type FieldError } from '@hub/platform';
import { PROCEDURE_CODE_MESSAGE } from './procedure-content';

export enum ProcedureErrorCode {
  InvalidCode = 'INVALID_PROCEDURE_CODE',
  NotFound = 'PROCEDURE_NOT_FOUND',
  NotInForce = 'PROCEDURE_NOT_IN_FORCE',
  VersionNotFound = 'PROCEDURE_VERSION_NOT_FOUND',
  AlreadyExists = 'PROCEDURE_ALREADY_EXISTS',
  NoDraft = 'PROCEDURE_NO_DRAFT',
  NotPublished = 'PROCEDURE_NOT_PUBLISHED',
  Withdrawn = 'PROCEDURE_WITHDRAWN',
  VersionOverlap = 'PROCEDURE_VERSION_OVERLAP',
  UnknownReferences = 'UNKNOWN_REFERENCES',
  UnknownAgency = 'UNKNOWN_AGENCY',
  UnknownSector = 'UNKNOWN_SECTOR',
  PublicationDateInFuture = 'PUBLICATION_DATE_IN_FUTURE',
  ImportTooLarge = 'IMPORT_TOO_LARGE',
  ImportMalformed = 'IMPORT_MALFORMED',
  ImportUnsupportedMediaType = 'IMPORT_UNSUPPORTED_MEDIA_TYPE',
}

export const ProcedureProblems = {
  invalidCode: (value: string) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid procedure code',
      titleVi: 'Mã thủ tục hành chính không hợp lệ',
      detail: `"${value.slice(0, 60)}" is not a procedure code`,
      errors: [{ field: 'code', code: ProcedureErrorCode.InvalidCode, message: `code ${PROCEDURE_CODE_MESSAGE}` }],
    }),
  notFound: (code: string) =>
    new ProblemException({
      status: 404,
      code: ProcedureErrorCode.NotFound,
      title: 'Procedure not found',
      titleVi: 'Không tìm thấy thủ tục hành chính',
      detail: `No procedure ${code} in the catalogue`,
    }),
  notInForce: (code: string, why: string, whyVi: string) =>
    new ProblemException({
      status: 404,
      code: ProcedureErrorCode.NotInForce,
      title: 'No version of the procedure is in force at that time',
      titleVi: 'Thủ tục hành chính không có phiên bản còn hiệu lực tại thời điểm này',
      detail: `Procedure ${code}: ${why}`,
      detailVi: `Thủ tục ${code}: ${whyVi}`,
    }),
  versionNotFound: (code: string, version: number) =>
    new ProblemException({
      status: 404,
      code: ProcedureErrorCode.VersionNotFound,
      title: 'Procedure version not found',
      titleVi: 'Không tìm thấy phiên bản thủ tục',
      detail: `Procedure ${code} has no version ${version}`,
    }),
  alreadyExists: (code: string) =>
    new ProblemException({
      status: 409,
      code: ProcedureErrorCode.AlreadyExists,
      title: 'The procedure already exists',
      titleVi: 'Thủ tục hành chính đã tồn tại',
      detail: `Procedure ${code} already exists; change it with PUT /v1/procedures/${code}/draft and publish a new version`,
    }),
  noDraft: (code: string) =>
    new ProblemException({
      status: 409,
      code: ProcedureErrorCode.NoDraft,
      title: 'Nothing to publish',
      titleVi: 'Không có bản nháp để công bố',
      detail: `Procedure ${code} has no draft; put one with PUT /v1/procedures/${code}/draft first`,
    }),
  notPublished: (code: string) =>
    new ProblemException({
      status: 409,
      code: ProcedureErrorCode.NotPublished,
      title: 'The procedure was never published',
      titleVi: 'Thủ tục hành chính chưa được công bố',
      detail: `Procedure ${code} has no published version`,
    }),
  withdrawn: (code: string, at: string) =>
    new ProblemException({
      status: 409,
      code: ProcedureErrorCode.Withdrawn,
      title: 'The procedure was withdrawn',
      titleVi: 'Thủ tục hành chính đã bị bãi bỏ',
      detail: `Procedure ${code} was withdrawn (abolished) as of ${at}; a withdrawn procedure cannot change`,
    }),
  versionOverlap: (code: string, latestVersion: number, latestFrom: string, field: string) =>
    new ProblemException({
      status: 409,
      code: ProcedureErrorCode.VersionOverlap,
      title: 'The new date overlaps an existing version',
      titleVi: 'Thời điểm hiệu lực trùng với phiên bản đã có',
      detail: `Procedure ${code}: ${field} must be later than ${latestFrom}, when version ${latestVersion} took effect or was entered (versions are never rewritten)`,
      detailVi: `Thủ tục ${code}: thời điểm mới phải sau ${latestFrom}, thời điểm phiên bản ${latestVersion} có hiệu lực hoặc được cập nhật`,
      errors: [{ field, code: ProcedureErrorCode.VersionOverlap, message: `${field} must be later than ${latestFrom}` }],
    }),
  unknownReferences: (errors: FieldError[]) =>
    new ProblemException({
      status: 422,
      code: ProcedureErrorCode.UnknownReferences,
      title: 'The procedure refers to unknown agencies or sectors',
      titleVi: 'Thủ tục tham chiếu tới cơ quan hoặc lĩnh vực không tồn tại',
      detail: errors.map((e) => e.message).join('; '),
      errors,
    }),
  publicationDateInFuture: (field: string, date: string, latest: string) =>
    new ProblemException({
      status: 422,
      code: ProcedureErrorCode.PublicationDateInFuture,
      title: 'The publication decision is dated in the future',
      titleVi: 'Ngày ban hành quyết định công bố ở tương lai',
      detail: `${field} ${date} is later than ${latest}, the latest date accepted today`,
      errors: [{ field, code: ProcedureErrorCode.PublicationDateInFuture, message: `must not be later than ${latest}` }],
    }),
  importTooLarge: (limit: number) =>
    new ProblemException({
      status: 413,
      code: ProcedureErrorCode.ImportTooLarge,
      title: 'The import is too large',
      titleVi: 'Dữ liệu nhập quá lớn',
      detail: `The import body exceeds ${limit} bytes; nothing was imported. Split it into several calls.`,
      detailVi: `Dữ liệu vượt quá ${limit} byte; chưa có bản ghi nào được nhập. Hãy chia thành nhiều lần gọi.`,
      extensions: { limitBytes: limit },
    }),
  importMalformed: (detail: string) =>
    new ProblemException({
      status: 400,
      code: ProcedureErrorCode.ImportMalformed,
      title: 'The import body is malformed',
      titleVi: 'Dữ liệu nhập sai định dạng',
      detail: `${detail}; nothing was imported`,
    }),
  importMediaType: (got: string) =>
    new ProblemException({
      status: 415,
      code: ProcedureErrorCode.ImportUnsupportedMediaType,
      title: 'Unsupported import format',
      titleVi: 'Định dạng dữ liệu nhập không được hỗ trợ',
      detail: `Send application/json ({"records": [...]} or [...]) or application/x-ndjson (one record per line), not ${got.slice(0, 100)}`,
    }),
};
