import type { HttpErrorMap } from '@hub/platform';
import type { ApiClientErrorCode } from './api-client/api-client.errors';
import type { IdempotencyErrorCode } from './idempotency/idempotency.errors';
import type { OAuthErrorCode } from './oauth/oauth.errors';
import type { ProxyErrorCode } from './proxy/proxy.errors';
import type { RateLimitErrorCode } from './rate-limit/rate-limit.errors';

type GatewayErrorCode = ApiClientErrorCode | IdempotencyErrorCode | OAuthErrorCode | ProxyErrorCode | RateLimitErrorCode;

/** Every gateway error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const gatewayHttpErrors: HttpErrorMap<GatewayErrorCode> = {
  UNAUTHENTICATED: {
    status: 401,
    title: 'Valid credentials are required',
    titleVi: 'Cần có thông tin xác thực hợp lệ',
    // A bad bearer token carries its challenge (oauth.errors.ts); an API-key failure has none.
    headers: { 'www-authenticate': { param: 'challenge' } },
  },
  API_CLIENT_EXISTS: { status: 409, title: 'An API client with this id already exists', titleVi: 'Mã hệ thống kết nối đã tồn tại' },
  API_CLIENT_NOT_FOUND: { status: 404, title: 'No API client with this id', titleVi: 'Không tìm thấy hệ thống kết nối' },
  ACCESS_POLICY_VIOLATION: { status: 400, title: 'The client breaks the access policy', titleVi: 'Vi phạm chính sách phân quyền' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'An Idempotency-Key header is required', titleVi: 'Cần có tiêu đề Idempotency-Key' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'The Idempotency-Key header is malformed', titleVi: 'Tiêu đề Idempotency-Key không hợp lệ' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used for a different request', titleVi: 'Idempotency-Key đã được dùng cho một yêu cầu khác' },
  IDEMPOTENCY_REQUEST_IN_FLIGHT: {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
    titleVi: 'Yêu cầu với Idempotency-Key này đang được xử lý',
  },
  INVALID_CLIENT: {
    status: 401,
    title: 'Client authentication failed',
    titleVi: 'Xác thực hệ thống kết nối không thành công',
    fixedExtensions: { error: 'invalid_client' },
    headers: { 'www-authenticate': 'Basic realm="hub"' },
  },
  UNSUPPORTED_GRANT_TYPE: {
    status: 400,
    title: 'Only the client_credentials grant is supported',
    titleVi: 'Chỉ hỗ trợ kiểu cấp quyền client_credentials',
    fixedExtensions: { error: 'unsupported_grant_type' },
  },
  INVALID_SCOPE: {
    status: 400,
    title: 'The requested scope exceeds the client’s roles',
    titleVi: 'Phạm vi yêu cầu vượt quá quyền của hệ thống kết nối',
    fixedExtensions: { error: 'invalid_scope' },
  },
  UPSTREAM_TIMEOUT: { status: 504, title: 'The service did not answer in time', titleVi: 'Dịch vụ không phản hồi kịp thời' },
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'The service is unavailable', titleVi: 'Dịch vụ tạm thời không khả dụng' },
  RATE_LIMITED: {
    status: 429,
    title: 'Too many requests',
    titleVi: 'Quá nhiều yêu cầu',
    headers: { 'ratelimit-policy': { param: 'rateLimitPolicy' }, ratelimit: { param: 'rateLimit' }, 'retry-after': { param: 'retryAfterSeconds' } },
  },
};
