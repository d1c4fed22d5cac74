import type { HttpErrorMap } from '@hub/platform';
import type { ApiClientErrorCode } from './api-client/api-client.errors';
import type { ProxyErrorCode } from './proxy/proxy.errors';

/** Every gateway error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const gatewayHttpErrors: HttpErrorMap<ApiClientErrorCode | ProxyErrorCode> = {
  UNAUTHENTICATED: { status: 401, title: 'A valid API key is required', titleVi: 'Cần có khóa API hợp lệ' },
  API_CLIENT_EXISTS: { status: 409, title: 'An API client with this id already exists', titleVi: 'Mã hệ thống kết nối đã tồn tại' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'The service did not answer in time', titleVi: 'Dịch vụ không phản hồi kịp thời' },
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'The service is unavailable', titleVi: 'Dịch vụ tạm thời không khả dụng' },
};
