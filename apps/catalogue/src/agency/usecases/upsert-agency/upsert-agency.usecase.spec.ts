import type { OutboxWriter } from '@hub/messaging';
import { inlineTransactions, recordingOutbox, stubOf } from '@hub/testing';
import type { AppError, Clock, EventTrace } from '@hub/platform';
import { catalogueHttpErrors, type CatalogueErrorCode } from '../../../catalogue.http-errors';
import type { EntityManager } from 'typeorm';
import type { AgencyEntity } from '../../agency.entity';
import type { AgencyRepository } from '../../agency.repository';
import { UpsertAgencyUseCase } from './upsert-agency.usecase';

const NOW = new Date('2026-01-12T02:00:00Z');
const trace: EventTrace = { correlationId: 'agency-upsert-test' };

function setup(existing: Record<string, AgencyEntity> = {}, subtreeOf: Record<string, string[]> = {}) {
  const saved: AgencyEntity[] = [];
  const repo = stubOf<AgencyRepository>({
    lockWrites: jest.fn(async () => undefined),
    findByCode: jest.fn(async (code: string) => existing[code] ?? null),
    isInSubtree: jest.fn(async (_tx: EntityManager, root: string, candidate: string) => (subtreeOf[root] ?? []).includes(candidate)),
    save: jest.fn(async (_tx: EntityManager, a: AgencyEntity) => {
      saved.push(a);
      return a;
    }),
  });
  const outbox = recordingOutbox();
  const useCase = new UpsertAgencyUseCase(repo, stubOf<OutboxWriter>(outbox), { now: () => NOW } as Clock, inlineTransactions());
  return { useCase, saved, outbox };
}

const province: AgencyEntity = {
  code: '000.00.00.H31',
  name: 'UBND Hà Nội',
  level: 'PROVINCE',
  parentCode: null,
  active: true,
  validFrom: null,
  validTo: null,
  revision: 1,
  createdAt: NOW,
  updatedAt: NOW,
};

describe('UpsertAgencyUseCase', () => {
  it('creates with revision 1 and emits the snapshot under the given trace', async () => {
    const { useCase, outbox } = setup({ [province.code]: province });
    const result = await useCase.execute({ code: '000.00.15.H31', name: 'Sở Xây dựng', level: 'UNIT', parentCode: province.code, trace });
    expect(result).toMatchObject({ result: 'created', agency: { revision: 1, active: true, parentCode: province.code } });
    expect(outbox.append).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ topic: 'catalogue.agency.upserted.v1' }), {
      code: '000.00.15.H31',
      name: 'Sở Xây dựng',
      level: 'UNIT',
      parentCode: province.code,
      active: true,
      revision: 1,
    }, trace);
  });

  it('changes nothing and emits nothing for the same data', async () => {
    const { useCase, outbox, saved } = setup({ [province.code]: province });
    expect((await useCase.execute({ code: province.code, name: province.name, level: 'PROVINCE', trace })).result).toBe('unchanged');
    expect(saved).toEqual([]);
    expect(outbox.append).not.toHaveBeenCalled();
  });

  it('bumps the revision on a change', async () => {
    const { useCase } = setup({ [province.code]: province });
    expect(await useCase.execute({ code: province.code, name: 'UBND thành phố Hà Nội', level: 'PROVINCE', trace })).toMatchObject({ result: 'updated', agency: { revision: 2 } });
  });

  it('refuses an unknown parent, itself as parent, a parent below it, and validTo before validFrom', async () => {
    const { useCase, saved } = setup({ [province.code]: province, '000.00.15.H31': { ...province, code: '000.00.15.H31', parentCode: province.code } }, { [province.code]: ['000.00.15.H31'] });
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: AppError<CatalogueErrorCode>) => `${catalogueHttpErrors[e.code].status} ${e.code}`);
    expect(await codeOf(useCase.execute({ code: '000.00.16.H31', name: 'x', level: 'UNIT', parentCode: '000.00.00.H01', trace }))).toBe('422 AGENCY_PARENT_UNKNOWN');
    expect(await codeOf(useCase.execute({ code: province.code, name: 'x', level: 'PROVINCE', parentCode: province.code, trace }))).toBe('422 AGENCY_HIERARCHY_CYCLE');
    expect(await codeOf(useCase.execute({ code: province.code, name: 'x', level: 'PROVINCE', parentCode: '000.00.15.H31', trace }))).toBe('422 AGENCY_HIERARCHY_CYCLE');
    expect(await codeOf(useCase.execute({ code: province.code, name: 'x', level: 'PROVINCE', validFrom: '2025-02-01', validTo: '2025-01-01', trace }))).toBe('400 VALIDATION_FAILED');
    expect(saved).toEqual([]);
  });
});
