import { AppError } from '@hub/platform';
import type { ApiClientErrorCode } from '../api-client/api-client.errors';

export type OAuthErrorCode = 'INVALID_CLIENT' | 'UNSUPPORTED_GRANT_TYPE' | 'INVALID_SCOPE';

/**
 * OAuth2 errors: `code` is the hub's stable code, `error` (fixed in gateway.http-errors.ts) the RFC 6749 §5.2 value.
 * A bad credential of any kind gets the same answer, with no hint about which part was wrong; a bad bearer token is
 * the API client's `UNAUTHENTICATED` with a Bearer challenge.
 */
export const OAuthErrors = {
  badToken: () =>
    new AppError<ApiClientErrorCode>('UNAUTHENTICATED', 'The credentials are missing, invalid, expired or revoked.', {
      params: { challenge: 'Bearer realm="hub"' },
    }),
  invalidClient: () => new AppError<OAuthErrorCode>('INVALID_CLIENT', 'The client credentials are missing, invalid or revoked.'),
  /** No detail: the title says it all (an empty message renders none). */
  unsupportedGrant: () => new AppError<OAuthErrorCode>('UNSUPPORTED_GRANT_TYPE', ''),
  invalidScope: (notGranted: string[]) =>
    new AppError<OAuthErrorCode>('INVALID_SCOPE', `Not granted to this client: ${notGranted.join(' ')}`, { params: { notGranted } }),
};
