import { AppError } from '@hub/platform';

export type ApiClientErrorCode = 'UNAUTHENTICATED' | 'API_CLIENT_EXISTS';

export const ApiClientErrors = {
  unauthenticated: (detail: string) => new AppError<ApiClientErrorCode>('UNAUTHENTICATED', detail),
  exists: (clientId: string) =>
    new AppError<ApiClientErrorCode>('API_CLIENT_EXISTS', `Client ${clientId} already exists`, {
      fields: [{ field: 'clientId', code: 'API_CLIENT_EXISTS', message: 'already taken' }],
      params: { clientId },
    }),
};
