import type { OutboxWriter } from '@hub/messaging';
import { inlineTransactions, recordingOutbox, stubOf } from '@hub/testing';
import { Clock, newTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { AgencyEntity } from '../../../agency/agency.entity';
import type { AgencyRepository } from '../../../agency/agency.repository';
import type { CalendarYearEntity } from '../../calendar.entity';
import type { CalendarRepository } from '../../calendar.repository';
import { PutCalendarUseCase } from './put-calendar.usecase';

const trace = newTrace();

function setup() {
  const rows = new Map<string, CalendarYearEntity>();
  const repo = stubOf<CalendarRepository>({
    lock: async () => undefined,
    find: async (scope: string, year: number) => rows.get(`${scope}/${year}`) ?? null,
    save: async (_tx: EntityManager, e: CalendarYearEntity) => (rows.set(`${e.scope}/${e.year}`, e), e),
  });
  const agencies = stubOf<AgencyRepository>({ findByCode: async (code: string) => (code === '000.00.00.H31' ? ({ code } as AgencyEntity) : null) });
  const outbox = recordingOutbox();
  return { useCase: new PutCalendarUseCase(repo, agencies, stubOf<OutboxWriter>(outbox), new Clock(), inlineTransactions()), rows, outbox };
}

describe('PutCalendarUseCase', () => {
  it('stores sorted dates and settings overrides, and treats a resend as unchanged', async () => {
    const { useCase, outbox } = setup();
    const first = await useCase.execute({ scope: 'national', year: 2026, holidays: ['2026-09-02', '2026-01-01'], settings: { closingTime: '16:30', cutoffTime: '15:00' }, trace });
    expect(first.calendar).toMatchObject({ holidays: ['2026-01-01', '2026-09-02'], settings: { cutoffTime: '15:00', closingTime: '16:30' }, revision: 1 });
    expect(first.calendar.effectiveSettings).toMatchObject({ closingTime: '16:30', workingPeriods: [['08:00', '12:00'], ['13:00', '17:00']] });
    expect((await useCase.execute({ scope: 'national', year: 2026, holidays: ['2026-01-01', '2026-09-02'], settings: { cutoffTime: '15:00', closingTime: '16:30' }, trace })).result).toBe('unchanged');
    expect(outbox.append).toHaveBeenCalledTimes(1);
  });

  it('maps the calendar library’s findings to field errors in the caller’s own list order', async () => {
    const { useCase, rows } = setup();
    await expect(useCase.execute({ scope: 'national', year: 2026, holidays: ['2026-05-01', '2027-01-01'], trace })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'holidays.1', code: 'CALENDAR_INVALID' }],
    });
    await expect(useCase.execute({ scope: '000.00.00.H31', year: 2026, holidays: [], workingDays: ['2026-01-10'], trace })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(useCase.execute({ scope: '000.00.00.H99', year: 2026, holidays: [], trace })).rejects.toMatchObject({ code: 'CALENDAR_SCOPE_UNKNOWN' });
    expect(rows.size).toBe(0);
  });
});
