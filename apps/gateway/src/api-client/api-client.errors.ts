import { AppError, type FieldError } from '@hub/platform';

export type ApiClientErrorCode = 'UNAUTHENTICATED' | 'API_CLIENT_EXISTS' | 'API_CLIENT_NOT_FOUND' | 'ACCESS_POLICY_VIOLATION';

export const ApiClientErrors = {
  /** Any API-key failure; a bad bearer token is `OAuthErrors.badToken` (same code, with a challenge). */
  unauthenticated: (detail: string) => new AppError<ApiClientErrorCode>('UNAUTHENTICATED', detail, { messageVi: 'Cần có khóa API hợp lệ' }),
  exists: (clientId: string) =>
    new AppError<ApiClientErrorCode>('API_CLIENT_EXISTS', `Client ${clientId} already exists`, {
      fields: [{ field: 'clientId', code: 'API_CLIENT_EXISTS', message: 'already taken' }],
      params: { clientId },
    }),
  notFound: (clientId: string) =>
    new AppError<ApiClientErrorCode>('API_CLIENT_NOT_FOUND', `Client ${clientId} does not exist`, { params: { clientId } }),
  /** The client would break the access policy (libs/platform/src/identity/access-policy.ts); the fields say how. */
  policyViolation: (fields: FieldError[]) =>
    new AppError<ApiClientErrorCode>('ACCESS_POLICY_VIOLATION', 'The client breaks the access policy: ' + fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
      messageVi: 'Hệ thống kết nối vi phạm chính sách phân quyền',
      fields,
    }),
};
