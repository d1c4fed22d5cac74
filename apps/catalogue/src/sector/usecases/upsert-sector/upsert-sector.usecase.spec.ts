import type { OutboxWriter } from '@hub/messaging';
import { inlineTransactions, recordingOutbox, stubOf } from '@hub/testing';
import { newTrace, type Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { SectorEntity } from '../../sector.entity';
import type { SectorRepository } from '../../sector.repository';
import { UpsertSectorUseCase } from './upsert-sector.usecase';

describe('UpsertSectorUseCase', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const stored: Record<string, SectorEntity> = {};
  const repo = stubOf<SectorRepository>({
    lock: async () => undefined,
    findByCode: async (code: string) => stored[code] ?? null,
    save: async (_tx: EntityManager, s: SectorEntity) => (stored[s.code] = s),
  });
  const outbox = recordingOutbox();
  const trace = newTrace();
  const useCase = new UpsertSectorUseCase(repo, stubOf<OutboxWriter>(outbox), { now: () => now } as Clock, inlineTransactions());

  it('creates, ignores a resend, and renames with a new revision, emitting only on change', async () => {
    expect((await useCase.execute({ code: 'G12-HT01', name: 'Hộ tịch', trace })).result).toBe('created');
    expect((await useCase.execute({ code: 'G12-HT01', name: 'Hộ tịch', trace })).result).toBe('unchanged');
    expect(await useCase.execute({ code: 'G12-HT01', name: 'Hộ tịch, quốc tịch', trace })).toMatchObject({ result: 'updated', sector: { revision: 2 } });
    expect(outbox.append.mock.calls.map((c) => (c as unknown[])[2])).toEqual([
      { code: 'G12-HT01', name: 'Hộ tịch', active: true, revision: 1 },
      { code: 'G12-HT01', name: 'Hộ tịch, quốc tịch', active: true, revision: 2 },
    ]);
  });
});
