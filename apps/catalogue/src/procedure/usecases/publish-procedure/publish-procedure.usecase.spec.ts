import { Clock, type CallerIdentity } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { ProcedureContent } from '../../procedure-content';
import type { ProcedureEntity, ProcedureVersionEntity } from '../../procedure.entity';
import type { ProcedurePolicy } from '../../procedure-policy';
import type { ProcedureRepository } from '../../procedure.repository';
import type { VersionPublisher } from '../../version-publisher';
import { PublishProcedureUseCase } from './publish-procedure.usecase';

const caller: CallerIdentity = { clientId: 'op', kind: 'operator', agencyCodes: [], roles: ['catalogue:write'] };
const draft = { name: 'X', publicationDecision: { date: '2025-12-01' } } as unknown as ProcedureContent;

function setup(procedure: Partial<ProcedureEntity> | null) {
  const repo = {
    transaction: (work: (tx: EntityManager) => Promise<unknown>) => work({} as EntityManager),
    findForUpdate: async () => (procedure ? ({ code: '1.001234', status: 'DRAFT', draft, ...procedure } as ProcedureEntity) : null),
  } as unknown as ProcedureRepository;
  const policy = { assertDecisionDate: jest.fn(), assertReferences: jest.fn(async () => ({})), calendar: jest.fn(async () => ({})) };
  const version = {
    version: 2,
    effectiveFrom: new Date('2026-02-01T00:00:00+07:00'),
    publishedAt: new Date('2026-01-12T03:00:00Z'),
    timeliness: 'ON_TIME',
    entryDeadlineWorkingDays: 5,
    entryDeadline: '2025-12-08',
    timelinessNote: null,
  } as unknown as ProcedureVersionEntity;
  const publisher = { publish: jest.fn(async () => ({ version, previous: { version: 1, effectiveTo: version.effectiveFrom } })) };
  const useCase = new PublishProcedureUseCase(repo, policy as unknown as ProcedurePolicy, publisher as unknown as VersionPublisher, new Clock());
  return { useCase, publisher };
}

describe('PublishProcedureUseCase', () => {
  it('publishes the draft from the given date and reports the closed previous version', async () => {
    const { useCase, publisher } = setup({});
    const result = await useCase.execute('1.001234', { effectiveFrom: '2026-02-01' }, caller);
    expect(result).toMatchObject({ version: 2, effectiveFrom: '2026-02-01T00:00:00+07:00', previous: { version: 1, effectiveTo: '2026-02-01T00:00:00+07:00' } });
    expect(publisher.publish).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ content: draft, actor: 'op', effectiveFrom: new Date('2026-01-31T17:00:00Z') }));
  });

  it.each([
    [null, 'PROCEDURE_NOT_FOUND'],
    [{ draft: null }, 'PROCEDURE_NO_DRAFT'],
    [{ status: 'WITHDRAWN' as const, withdrawnAt: new Date() }, 'PROCEDURE_WITHDRAWN'],
  ])('refuses %j', async (procedure, code) => {
    const { useCase, publisher } = setup(procedure);
    await expect(useCase.execute('1.001234', {}, caller)).rejects.toMatchObject({ code });
    expect(publisher.publish).not.toHaveBeenCalled();
  });
});
