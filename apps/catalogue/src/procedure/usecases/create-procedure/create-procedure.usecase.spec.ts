import { Clock, validatePayload } from '@hub/platform';
import { ProcedureErrors } from '../../procedure.errors';
import type { EntityManager } from 'typeorm';
import { validCommand } from '../../procedure-content.spec';
import { CreateProcedureCommand } from '../../procedure-content';
import type { ProcedurePolicy } from '../../procedure-policy';
import type { ProcedureRepository } from '../../procedure.repository';
import { CreateProcedureUseCase } from './create-procedure.usecase';

function command(overrides: Record<string, unknown> = {}): CreateProcedureCommand {
  const v = validatePayload(CreateProcedureCommand, validCommand(overrides));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('CreateProcedureUseCase', () => {
  const inserted: string[] = [];
  const repo = {
    transaction: (work: (tx: EntityManager) => Promise<unknown>) => work({} as EntityManager),
    insert: jest.fn(async (_tx: EntityManager, p: { code: string }) => {
      if (inserted.includes(p.code)) return false;
      inserted.push(p.code);
      return true;
    }),
  } as unknown as ProcedureRepository;
  const policy = {
    assertDecisionDate: jest.fn(),
    assertReferences: jest.fn(async () => ({})),
  };
  const useCase = new CreateProcedureUseCase(repo, policy as unknown as ProcedurePolicy, new Clock());

  it('stores a draft with revision 1 and publishes nothing', async () => {
    const draft = await useCase.execute(command());
    expect(draft).toMatchObject({ code: '1.001234', status: 'DRAFT', draftRevision: 1, latestVersion: null, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' });
    expect(policy.assertReferences).toHaveBeenCalled();
  });

  it('answers 409 for an existing code', async () => {
    await expect(useCase.execute(command())).rejects.toMatchObject({ code: 'PROCEDURE_ALREADY_EXISTS' });
  });

  it('checks the decision date before touching the database', async () => {
    policy.assertDecisionDate.mockImplementationOnce(() => {
      throw ProcedureErrors.publicationDateInFuture('publicationDecision.date', '2099-01-01', '2026-03-10');
    });
    const before = (repo.insert as jest.Mock).mock.calls.length;
    await expect(useCase.execute(command({ code: '1.000002' }))).rejects.toMatchObject({ code: 'PUBLICATION_DATE_IN_FUTURE' });
    expect((repo.insert as jest.Mock).mock.calls.length).toBe(before);
  });
});
