import { inlineTransactions, stubOf } from '@hub/testing';
import { Clock, validatePayload } from '@hub/platform';
import { ProcedureErrors } from '../../procedure.errors';
import { validCommand } from '../../procedure-content.spec';
import { CreateProcedureCommand, type ProcedureContent } from '../../procedure-content';
import type { ProcedureEntity } from '../../procedure.entity';
import type { ProcedurePolicy, ReferenceSnapshot } from '../../procedure-policy';
import type { ProcedureRepository } from '../../procedure.repository';
import { CreateProcedureUseCase } from './create-procedure.usecase';

const refs: ReferenceSnapshot = { agencies: new Set(), sectors: new Set(), topLevels: new Map() };

function command(overrides: Record<string, unknown> = {}): CreateProcedureCommand {
  const v = validatePayload(CreateProcedureCommand, validCommand(overrides));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** Each test gets its own store: a test never depends on what another one inserted. */
function setup(existing: string[] = []) {
  const stored = new Map<string, ProcedureEntity>(existing.map((code) => [code, { code } as ProcedureEntity]));
  const repo = stubOf<ProcedureRepository>({
    insert: async (_tx, procedure) => {
      if (stored.has(procedure.code)) return false;
      stored.set(procedure.code, procedure);
      return true;
    },
  });
  const policy = { assertDecisionDate: jest.fn<void, [ProcedureContent, string?]>(), assertReferences: jest.fn(async () => refs) };
  const useCase = new CreateProcedureUseCase(repo, stubOf<ProcedurePolicy>(policy), new Clock(), inlineTransactions());
  return { useCase, stored, policy };
}

describe('CreateProcedureUseCase', () => {
  it('stores a draft with revision 1 after checking its references', async () => {
    const { useCase, stored, policy } = setup();
    const draft = await useCase.execute(command());
    expect(draft).toMatchObject({ code: '1.001234', status: 'DRAFT', draftRevision: 1, latestVersion: null, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' });
    expect(stored.get('1.001234')).toMatchObject({ status: 'DRAFT', latestVersion: null });
    expect(policy.assertReferences).toHaveBeenCalledTimes(1);
  });

  it('refuses a code that already exists', async () => {
    const { useCase } = setup(['1.001234']);
    await expect(useCase.execute(command())).rejects.toMatchObject({ code: 'PROCEDURE_ALREADY_EXISTS' });
  });

  it('checks the decision date before touching the database', async () => {
    const { useCase, stored, policy } = setup();
    policy.assertDecisionDate.mockImplementationOnce(() => {
      throw ProcedureErrors.publicationDateInFuture('publicationDecision.date', '2099-01-01', '2026-03-10');
    });
    await expect(useCase.execute(command({ code: '1.000002' }))).rejects.toMatchObject({ code: 'PUBLICATION_DATE_IN_FUTURE' });
    expect(stored.size).toBe(0);
  });
});
