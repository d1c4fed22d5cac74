import { AppError } from '@hub/platform';

export type ProxyErrorCode = 'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE';

export const ProxyErrors = {
  timeout: (upstream: string, timeoutMs: number) =>
    new AppError<ProxyErrorCode>('UPSTREAM_TIMEOUT', `${upstream} did not answer within ${timeoutMs} ms`, { params: { upstream, timeoutMs } }),
  unavailable: (upstream: string, cause: unknown) =>
    new AppError<ProxyErrorCode>('UPSTREAM_UNAVAILABLE', `${upstream} could not be reached`, { params: { upstream }, cause }),
};
