import { STATUS_CODES } from 'node:http';
import { FieldError, ProblemException, ProblemInit } from './problem.exception';

interface Titles {
  title: string;
  titleVi: string;
}

const STATUS_PROBLEMS: Record<number, Titles & { code: string }> = {
  400: { code: 'BAD_REQUEST', title: 'Bad request', titleVi: 'Yêu cầu không hợp lệ' },
  401: { code: 'UNAUTHORIZED', title: 'Unauthorized', titleVi: 'Chưa xác thực' },
  403: { code: 'FORBIDDEN', title: 'Forbidden', titleVi: 'Không có quyền thực hiện' },
  404: { code: 'NOT_FOUND', title: 'Not found', titleVi: 'Không tìm thấy' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method not allowed', titleVi: 'Phương thức không được hỗ trợ' },
  406: { code: 'NOT_ACCEPTABLE', title: 'Not acceptable', titleVi: 'Không đáp ứng được định dạng yêu cầu' },
  408: { code: 'REQUEST_TIMEOUT', title: 'Request timeout', titleVi: 'Hết thời gian chờ yêu cầu' },
  409: { code: 'CONFLICT', title: 'Conflict', titleVi: 'Xung đột dữ liệu' },
  410: { code: 'GONE', title: 'Gone', titleVi: 'Tài nguyên không còn tồn tại' },
  412: { code: 'PRECONDITION_FAILED', title: 'Precondition failed', titleVi: 'Điều kiện tiên quyết không thỏa mãn' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', titleVi: 'Dữ liệu gửi lên quá lớn' },
  414: { code: 'URI_TOO_LONG', title: 'URI too long', titleVi: 'Đường dẫn quá dài' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported media type', titleVi: 'Định dạng dữ liệu không được hỗ trợ' },
  422: { code: 'UNPROCESSABLE_ENTITY', title: 'Unprocessable entity', titleVi: 'Không thể xử lý yêu cầu' },
  428: { code: 'PRECONDITION_REQUIRED', title: 'Precondition required', titleVi: 'Thiếu điều kiện tiên quyết' },
  429: { code: 'TOO_MANY_REQUESTS', title: 'Too many requests', titleVi: 'Quá nhiều yêu cầu' },
  431: { code: 'HEADERS_TOO_LARGE', title: 'Request headers too large', titleVi: 'Phần đầu yêu cầu quá lớn' },
  500: { code: 'INTERNAL_ERROR', title: 'Internal error', titleVi: 'Lỗi hệ thống' },
  501: { code: 'NOT_IMPLEMENTED', title: 'Not implemented', titleVi: 'Chức năng chưa được hỗ trợ' },
  502: { code: 'BAD_GATEWAY', title: 'Bad gateway', titleVi: 'Lỗi từ hệ thống phía sau' },
  503: { code: 'SERVICE_UNAVAILABLE', title: 'Service unavailable', titleVi: 'Dịch vụ tạm thời không khả dụng' },
  504: { code: 'GATEWAY_TIMEOUT', title: 'Gateway timeout', titleVi: 'Hết thời gian chờ hệ thống phía sau' },
};

/** Codes the platform itself produces, with titles more precise than their status'. */
const CODE_TITLES: Record<string, Titles> = {
  VALIDATION_FAILED: { title: 'Validation failed', titleVi: 'Dữ liệu không hợp lệ' },
  MALFORMED_JSON: { title: 'Malformed JSON body', titleVi: 'Nội dung JSON sai cú pháp' },
  ROUTE_NOT_FOUND: { title: 'Route not found', titleVi: 'Không tìm thấy đường dẫn' },
  IDENTITY_MISSING: { title: 'Caller identity missing', titleVi: 'Thiếu thông tin định danh bên gọi' },
  IDENTITY_INVALID: { title: 'Caller identity invalid', titleVi: 'Thông tin định danh bên gọi không hợp lệ' },
  IDENTITY_EXPIRED: { title: 'Caller identity expired', titleVi: 'Thông tin định danh bên gọi đã hết hạn' },
  IDENTITY_REPLAYED: { title: 'Caller identity already used', titleVi: 'Thông tin định danh bên gọi đã được sử dụng' },
  IDENTITY_REPLAY_CACHE_FULL: { title: 'Too many identities in flight', titleVi: 'Quá nhiều yêu cầu đang xử lý' },
  NOT_READY: { title: 'Service not ready', titleVi: 'Dịch vụ chưa sẵn sàng' },
  JSON_TOO_DEEP: { title: 'JSON body nested too deeply', titleVi: 'Nội dung JSON lồng nhau quá sâu' },
  JSON_TOO_MANY_ITEMS: { title: 'JSON body has too many values', titleVi: 'Nội dung JSON có quá nhiều phần tử' },
  JSON_STRING_TOO_LONG: { title: 'JSON string too long', titleVi: 'Chuỗi trong nội dung JSON quá dài' },
  MALFORMED_REQUEST: { title: 'Malformed HTTP request', titleVi: 'Yêu cầu HTTP sai cú pháp' },
  MALFORMED_URL: { title: 'Malformed URL', titleVi: 'Đường dẫn sai cú pháp' },
};

/** Stable code for a bare HTTP status: `BAD_REQUEST`, `PAYLOAD_TOO_LARGE`, `INTERNAL_ERROR`... */
export function codeForStatus(status: number): string {
  return STATUS_PROBLEMS[status]?.code ?? toUpperSnake(STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'));
}

function titlesFor(status: number, code: string): Titles {
  const known = CODE_TITLES[code] ?? STATUS_PROBLEMS[status];
  if (known) return known;
  return {
    title: STATUS_CODES[status] ?? 'Error',
    titleVi: status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ',
  };
}

/** `isNotEmpty` → `IS_NOT_EMPTY`, `I'm a Teapot` → `IM_A_TEAPOT`. */
export function toUpperSnake(text: string): string {
  return text
    .replace(/'/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

export type ProblemOptions = Partial<Omit<ProblemInit, 'status' | 'code'>> & { cause?: unknown };

/** A problem whose titles default to the platform catalogue (by code, then by status). */
export function problem(status: number, code: string = codeForStatus(status), options: ProblemOptions = {}): ProblemException {
  const { cause, ...rest } = options;
  const { title, titleVi } = titlesFor(status, code);
  return new ProblemException({ status, code, title, titleVi, ...rest }, { cause });
}

export const badRequest = (code = 'BAD_REQUEST', options?: ProblemOptions) => problem(400, code, options);
export const unauthorized = (code = 'UNAUTHORIZED', options?: ProblemOptions) => problem(401, code, options);
export const forbidden = (code = 'FORBIDDEN', options?: ProblemOptions) => problem(403, code, options);
export const notFound = (code = 'NOT_FOUND', options?: ProblemOptions) => problem(404, code, options);
export const conflict = (code = 'CONFLICT', options?: ProblemOptions) => problem(409, code, options);
export const unprocessable = (code = 'UNPROCESSABLE_ENTITY', options?: ProblemOptions) => problem(422, code, options);
export const tooManyRequests = (code = 'TOO_MANY_REQUESTS', options?: ProblemOptions) => problem(429, code, options);
export const serviceUnavailable = (code = 'SERVICE_UNAVAILABLE', options?: ProblemOptions) =>
  problem(503, code, options);
export const internalError = (options?: ProblemOptions) => problem(500, 'INTERNAL_ERROR', options);

export const validationFailed = (errors: FieldError[], options?: ProblemOptions) =>
  problem(400, 'VALIDATION_FAILED', {
    detail: 'The request contains invalid fields.',
    detailVi: 'Yêu cầu có trường dữ liệu không hợp lệ.',
    ...options,
    errors,
  });
