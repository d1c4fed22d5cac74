import { codeForStatus, conflict, problem, validationFailed } from './problems';
import { toProblemDocument } from './problem-document';

describe('problem catalogue', () => {
  it('derives stable codes from statuses', () => {
    expect(codeForStatus(404)).toBe('NOT_FOUND');
    expect(codeForStatus(413)).toBe('PAYLOAD_TOO_LARGE');
    expect(codeForStatus(500)).toBe('INTERNAL_ERROR');
    expect(codeForStatus(418)).toBe('IM_A_TEAPOT');
    expect(codeForStatus(599)).toBe('INTERNAL_ERROR');
  });

  it('keeps the given code and fills titles from the code, then the status', () => {
    expect(problem(401, 'IDENTITY_EXPIRED')).toMatchObject({
      status: 401,
      code: 'IDENTITY_EXPIRED',
      title: 'Caller identity expired',
      titleVi: 'Thông tin định danh bên gọi đã hết hạn',
    });
    expect(conflict('DOSSIER_ALREADY_EXISTS', { detail: 'H26.1 exists.' })).toMatchObject({
      status: 409,
      code: 'DOSSIER_ALREADY_EXISTS',
      title: 'Conflict',
      titleVi: 'Xung đột dữ liệu',
      message: 'H26.1 exists.',
    });
  });

  it('renders a problem document whose extensions cannot replace standard members', () => {
    const failed = validationFailed([{ field: 'fees.0.amount', code: 'MIN', message: 'amount must not be less than 0' }], {
      extensions: { status: 200, code: 'OK', limit: 100 },
    });
    expect(toProblemDocument(failed, { correlationId: 'c-1', instance: '/fees' })).toEqual({
      type: 'https://hub.gov.vn/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request contains invalid fields.',
      message: { vi: 'Yêu cầu có trường dữ liệu không hợp lệ.', en: 'The request contains invalid fields.' },
      errors: [{ field: 'fees.0.amount', code: 'MIN', message: 'amount must not be less than 0' }],
      correlationId: 'c-1',
      instance: '/fees',
      limit: 100,
    });
  });
});
