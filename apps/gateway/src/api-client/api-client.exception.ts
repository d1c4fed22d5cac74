import { ProblemException } from '@hub/platform';

export enum ApiClientErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  ClientExists = 'API_CLIENT_EXISTS',
  ClientNotFound = 'API_CLIENT_NOT_FOUND',
}

export const ApiClientProblems = {
  unauthenticated: (detail: string) =>
    new ProblemException({
      status: 401,
      code: ApiClientErrorCode.Unauthenticated,
      title: 'A valid API key is required',
      titleVi: 'Cần có khóa API hợp lệ',
      detail,
    }),
  exists: (clientId: string) =>
    new ProblemException({
      status: 409,
      code: ApiClientErrorCode.ClientExists,
      title: 'An API client with this id already exists',
      titleVi: 'Mã hệ thống kết nối đã tồn tại',
      detail: `Client ${clientId} already exists`,
      errors: [{ field: 'clientId', code: ApiClientErrorCode.ClientExists, message: 'already taken' }],
    }),
  notFound: (clientId: string) =>
    new ProblemException({
      status: 404,
      code: ApiClientErrorCode.ClientNotFound,
      title: 'No API client with this id',
      titleVi: 'Không tìm thấy hệ thống kết nối',
      detail: `Client ${clientId} does not exist`,
    }),
};
