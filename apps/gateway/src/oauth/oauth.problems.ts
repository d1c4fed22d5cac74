import { problem } from '@hub/platform';

/**
 * OAuth2 errors as problems: `code` is the hub's stable code, `error` the RFC 6749 §5.2 value. A bad credential
 * of any kind gets the same answer, with no hint about which part was wrong.
 */
export const OAuthProblems = {
  unauthenticated: () =>
    problem(401, 'UNAUTHENTICATED', {
      title: 'Valid credentials are required',
      titleVi: 'Cần có thông tin xác thực hợp lệ',
      detail: 'The credentials are missing, invalid, expired or revoked.',
      headers: { 'www-authenticate': 'Bearer realm="hub"' },
    }),
  invalidClient: () =>
    problem(401, 'INVALID_CLIENT', {
      title: 'Client authentication failed',
      titleVi: 'Xác thực hệ thống kết nối không thành công',
      detail: 'The client credentials are missing, invalid or revoked.',
      extensions: { error: 'invalid_client' },
      headers: { 'www-authenticate': 'Basic realm="hub"' },
    }),
  unsupportedGrant: () =>
    problem(400, 'UNSUPPORTED_GRANT_TYPE', {
      title: 'Only the client_credentials grant is supported',
      titleVi: 'Chỉ hỗ trợ kiểu cấp quyền client_credentials',
      extensions: { error: 'unsupported_grant_type' },
    }),
  invalidScope: (unknown: string[]) =>
    problem(400, 'INVALID_SCOPE', {
      title: 'The requested scope exceeds the client’s roles',
      titleVi: 'Phạm vi yêu cầu vượt quá quyền của hệ thống kết nối',
      detail: `Not granted to this client: ${unknown.join(' ')}`,
      extensions: { error: 'invalid_scope' },
    }),
};
