import { SAMPLE_NATIONAL_CALENDARS, WorkingCalendar } from '@hub/calendar';
import { Clock, type CallerIdentity, type EventTrace } from '@hub/platform';
import { inlineTransactions, stubOf } from '@hub/testing';
import type { ProcedureContent } from '../../procedure-content';
import type { ProcedureEntity, ProcedureVersionEntity } from '../../procedure.entity';
import type { ProcedurePolicy, ReferenceSnapshot } from '../../procedure-policy';
import type { ProcedureRepository } from '../../procedure.repository';
import type { PublishOutcome, PublishRequest, VersionPublisher } from '../../version-publisher';
import { PublishProcedureUseCase } from './publish-procedure.usecase';

const caller: CallerIdentity = { clientId: 'op', kind: 'operator', agencyCodes: [], roles: ['catalogue:write'] };
const trace: EventTrace = { correlationId: 'publish-test' };
const draft = { name: 'X', publicationDecision: { date: '2025-12-01' } } as unknown as ProcedureContent;
const refs: ReferenceSnapshot = { agencies: new Set(['000.00.00.H31']), sectors: new Set(), topLevels: new Map() };
const calendar = WorkingCalendar.compose(SAMPLE_NATIONAL_CALENDARS);
const NOW = new Date('2026-01-12T03:00:00Z');

function setup(procedure: Partial<ProcedureEntity> | null) {
  const repo = stubOf<ProcedureRepository>({
    findForUpdate: async () => (procedure ? ({ code: '1.001234', status: 'DRAFT', draft, ...procedure } as ProcedureEntity) : null),
  });
  const policy = stubOf<ProcedurePolicy>({ assertDecisionDate: jest.fn(), assertReferences: async () => refs, calendar: async () => calendar });
  const requests: PublishRequest[] = [];
  const traces: EventTrace[] = [];
  // Plans like the real publisher as far as this use case can see: the version starts when the request says.
  const publisher = stubOf<VersionPublisher>({
    publish: async (_tx, request, trace): Promise<PublishOutcome> => {
      requests.push({ ...request, procedure: { ...request.procedure } });
      traces.push(trace);
      const effectiveFrom = request.effectiveFrom ?? request.enteredAt;
      const version = { version: 2, effectiveFrom, publishedAt: request.enteredAt, timeliness: 'ON_TIME', entryDeadlineWorkingDays: 5, entryDeadline: '2025-12-08', timelinessNote: null };
      return { version: version as unknown as ProcedureVersionEntity, previous: { version: 1, effectiveTo: effectiveFrom } };
    },
  });
  const useCase = new PublishProcedureUseCase(repo, policy, publisher, { now: () => NOW } as Clock, inlineTransactions());
  return { useCase, requests, traces };
}

describe('PublishProcedureUseCase', () => {
  it('publishes the draft (and clears it) from the given local date, as the caller, on the checked references, under its trace', async () => {
    const { useCase, requests, traces } = setup({});
    const result = await useCase.execute({ code: '1.001234', effectiveFrom: '2026-02-01', caller, trace });
    expect(requests).toEqual([
      expect.objectContaining({
        procedure: expect.objectContaining({ code: '1.001234', draft: null }),
        content: draft,
        actor: 'op',
        // A bare date is midnight in Vietnam.
        effectiveFrom: new Date('2026-01-31T17:00:00Z'),
        enteredAt: NOW,
        refs,
        calendar,
      }),
    ]);
    expect(traces).toEqual([trace]);
    expect(result).toMatchObject({
      code: '1.001234',
      effectiveFrom: '2026-02-01T00:00:00+07:00',
      publishedAt: '2026-01-12T10:00:00+07:00',
      previous: { version: 1, effectiveTo: '2026-02-01T00:00:00+07:00' },
    });
  });

  it('starts the version when it is entered when no date is given', async () => {
    const { useCase, requests } = setup({});
    await useCase.execute({ code: '1.001234', caller, trace });
    expect(requests[0].effectiveFrom).toBeUndefined();
  });

  it.each([
    [null, 'PROCEDURE_NOT_FOUND'],
    [{ draft: null }, 'PROCEDURE_NO_DRAFT'],
    [{ status: 'WITHDRAWN' as const, withdrawnAt: new Date() }, 'PROCEDURE_WITHDRAWN'],
  ])('refuses %j', async (procedure, code) => {
    const { useCase, requests } = setup(procedure);
    await expect(useCase.execute({ code: '1.001234', caller, trace })).rejects.toMatchObject({ code });
    expect(requests).toEqual([]);
  });
});
