import type { HttpErrorMap } from '@hub/platform';
import type { ApiClientErrorCode } from './api-client/api-client.errors';
import type { ProxyErrorCode } from './proxy/proxy.errors';

/** Every gateway error code as an HTTP problem: a code added to a union and not mapped here does not compile. */
export const gatewayHttpErrors: HttpErrorMap<ApiClientErrorCode | ProxyErrorCode> = {
  UNAUTHENTICATED: { status: 401, title: 'Valid credentials are required', titleVi: 'Cần có thông tin xác thực hợp lệ' },
  API_CLIENT_EXISTS: { status: 409, title: 'An API client with this id already exists', titleVi: 'Mã hệ thống kết nối đã tồn tại' },
  API_CLIENT_NOT_FOUND: { status: 404, title: 'No API client with this id', titleVi: 'Không tìm thấy hệ thống kết nối' },
  ACCESS_POLICY_VIOLATION: { status: 400, title: 'The client breaks the access policy', titleVi: 'Vi phạm chính sách phân quyền' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'The service did not answer in time', titleVi: 'Dịch vụ không phản hồi kịp thời' },
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'The service is unavailable', titleVi: 'Dịch vụ tạm thời không khả dụng' },
};
