import type { ProcedureContent } from './procedure-content';
import type { ProcedureStatus } from './procedure.entity';
import { assertLifecycleAllows, lifecycleRefusal, PROCEDURE_LIFECYCLE, type ProcedureAction } from './procedure-lifecycle';

const ACTIONS: ProcedureAction[] = ['put-draft', 'publish-draft', 'publish-version', 'withdraw'];
const draft = { name: 'X' } as unknown as ProcedureContent;
const procedure = (status: ProcedureStatus, overrides: { draft?: ProcedureContent | null; withdrawnAt?: Date | null } = {}) => ({
  code: '1.001234',
  status,
  draft: draft as ProcedureContent | null,
  withdrawnAt: null as Date | null,
  updatedAt: new Date('2026-03-01T00:00:00Z'),
  ...overrides,
});
const codeOf = (status: ProcedureStatus, action: ProcedureAction, overrides = {}) => lifecycleRefusal(procedure(status, overrides), action)?.code ?? 'allowed';

describe('procedure lifecycle', () => {
  it.each([
    ['DRAFT', ['allowed', 'allowed', 'allowed', 'PROCEDURE_NOT_PUBLISHED']],
    ['PUBLISHED', ['allowed', 'allowed', 'allowed', 'allowed']],
    ['WITHDRAWN', ['PROCEDURE_WITHDRAWN', 'PROCEDURE_WITHDRAWN', 'PROCEDURE_WITHDRAWN', 'PROCEDURE_WITHDRAWN']],
  ] as const)('%s: put-draft, publish-draft, publish-version, withdraw → %j', (status, expected) => {
    expect(ACTIONS.map((action) => codeOf(status, action))).toEqual(expected);
  });

  it('needs a draft to publish one, and only for that action', () => {
    expect(codeOf('PUBLISHED', 'publish-draft', { draft: null })).toBe('PROCEDURE_NO_DRAFT');
    expect(codeOf('PUBLISHED', 'publish-version', { draft: null })).toBe('allowed');
    expect(codeOf('PUBLISHED', 'withdraw', { draft: null })).toBe('allowed');
  });

  it('dates a withdrawal refusal by the withdrawal, or by the last change when the date is unknown', () => {
    expect(lifecycleRefusal(procedure('WITHDRAWN', { withdrawnAt: new Date('2026-02-01T00:00:00Z') }), 'put-draft')?.message).toContain('as of 2026-02-01T07:00:00+07:00');
    expect(lifecycleRefusal(procedure('WITHDRAWN'), 'put-draft')?.message).toContain('as of 2026-03-01T07:00:00+07:00');
  });

  it('is final once withdrawn, and throws the refusal on demand', () => {
    expect(PROCEDURE_LIFECYCLE.WITHDRAWN).toEqual([]);
    expect(() => assertLifecycleAllows(procedure('WITHDRAWN'), 'publish-version')).toThrow(expect.objectContaining({ code: 'PROCEDURE_WITHDRAWN' }));
    expect(() => assertLifecycleAllows(procedure('PUBLISHED'), 'withdraw')).not.toThrow();
  });
});
