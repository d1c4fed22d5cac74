import { stubOf } from '@hub/testing';
import { SAMPLE_NATIONAL_CALENDARS } from '@hub/calendar';
import type { AgencyEntity } from '../../../agency/agency.entity';
import type { AgencyRepository } from '../../../agency/agency.repository';
import type { CalendarRepository } from '../../calendar.repository';
import { ComputeDueDateUseCase } from './compute-due-date.usecase';

const agencies = stubOf<AgencyRepository>({ findByCode: async (code: string) => (code === '000.00.15.H31' ? ({ code } as AgencyEntity) : null) });

function useCase(national = SAMPLE_NATIONAL_CALENDARS, own = [{ scope: '000.00.15.H31', year: 2026, holidays: ['2026-03-10'], workingDays: [] }]) {
  const calendars = stubOf<CalendarRepository>({ national: async () => national, layer: async () => own });
  return new ComputeDueDateUseCase(calendars, agencies);
}

describe('ComputeDueDateUseCase', () => {
  it('applies the agency’s own closures on top of the national calendar and answers in +07:00', async () => {
    // Mon 2026-03-09 10:00, 2 working days, Tue 10th closed by the agency → Thu 12th 17:00.
    expect(await useCase().execute({ agency: '000.00.15.H31', receivedAt: '2026-03-09T03:00:00Z', amount: 2, unit: 'WORKING_DAY' })).toEqual({
      agency: '000.00.15.H31',
      receivedAt: '2026-03-09T10:00:00+07:00',
      amount: 2,
      unit: 'WORKING_DAY',
      effectiveReceivedAt: '2026-03-09T10:00:00+07:00',
      dueAt: '2026-03-12T17:00:00+07:00',
    });
  });

  it('answers 409 naming the missing year and 422 for an unknown agency', async () => {
    await expect(useCase(SAMPLE_NATIONAL_CALENDARS.filter((c) => c.year !== 2027)).execute({ agency: '000.00.15.H31', receivedAt: '2026-12-30T09:00:00+07:00', amount: 5, unit: 'WORKING_DAY' })).rejects.toMatchObject({
      code: 'CALENDAR_MISSING',
      params: { missingCalendar: { scope: 'national', year: 2027 } },
    });
    await expect(useCase().execute({ agency: '000.00.16.H31', receivedAt: '2026-03-09T10:00:00+07:00', amount: 1, unit: 'DAY' })).rejects.toMatchObject({ code: 'UNKNOWN_AGENCY' });
  });
});
