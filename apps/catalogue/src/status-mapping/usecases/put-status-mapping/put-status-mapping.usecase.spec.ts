import type { OutboxWriter } from '@hub/messaging';
import { inlineTransactions, recordingOutbox, stubOf } from '@hub/testing';
import { Clock, newTrace, type CallerIdentity } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { AgencyEntity } from '../../../agency/agency.entity';
import type { AgencyRepository } from '../../../agency/agency.repository';
import type { StatusMappingEntity } from '../../status-mapping.entity';
import type { StatusMappingRepository } from '../../status-mapping.repository';
import { PutStatusMappingUseCase } from './put-status-mapping.usecase';

const AGENCY = '000.00.00.H31';
const operator: CallerIdentity = { clientId: 'op', kind: 'operator', agencyCodes: [], roles: ['catalogue:write'] };
const trace = newTrace();

function setup() {
  const versions: StatusMappingEntity[] = [];
  const repo = stubOf<StatusMappingRepository>({
    lock: async () => undefined,
    // As read back from jsonb: keys in another order than written.
    latest: async () => {
      const last = versions[versions.length - 1];
      return last ? { ...last, mappings: last.mappings.map(({ localCode, ...rest }) => ({ ...rest, localCode })) } : null;
    },
    insert: async (_tx: EntityManager, e: StatusMappingEntity) => void versions.push(e),
  });
  const agencies = stubOf<AgencyRepository>({ findByCode: async (code: string) => (code === AGENCY ? ({ code } as AgencyEntity) : null) });
  const outbox = recordingOutbox();
  return { useCase: new PutStatusMappingUseCase(repo, agencies, stubOf<OutboxWriter>(outbox), new Clock(), inlineTransactions()), versions, outbox };
}

describe('PutStatusMappingUseCase', () => {
  it('creates version 1, ignores the same mapping in another order, versions a change', async () => {
    const { useCase, outbox } = setup();
    const a = { localCode: 'A', nationalStatus: 2 };
    const b = { localCode: 'B', nationalStatus: 4, description: 'Đang xử lý' };
    expect((await useCase.execute({ agencyCode: AGENCY, mappings: [b, a], caller: operator, trace })).mapping).toMatchObject({ version: 1, mappings: [a, b] });
    expect((await useCase.execute({ agencyCode: AGENCY, mappings: [a, b], caller: operator, trace })).result).toBe('unchanged');
    expect((await useCase.execute({ agencyCode: AGENCY, mappings: [a], caller: operator, trace })).mapping.version).toBe(2);
    expect(outbox.append).toHaveBeenCalledTimes(2);
  });

  it('keeps agency systems to their own agencies and needs the agency to exist', async () => {
    const { useCase, versions } = setup();
    const system: CallerIdentity = { clientId: 'sys', kind: 'agency-system', agencyCodes: ['000.00.00.H01'], roles: ['status-mapping:write'] };
    await expect(useCase.execute({ agencyCode: AGENCY, mappings: [{ localCode: 'A', nationalStatus: 2 }], caller: system, trace })).rejects.toMatchObject({ code: 'AGENCY_SCOPE_VIOLATION' });
    await expect(useCase.execute({ agencyCode: '000.00.00.H02', mappings: [{ localCode: 'A', nationalStatus: 2 }], caller: operator, trace })).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(versions).toEqual([]);
  });
});
