import { CalendarArgumentError, CalendarMissingError } from './errors';
import { FIXTURE_2025, FIXTURE_2026, at } from './test-fixtures';
import { CalendarYear, TIME_LIMIT_UNITS, TimeLimitUnit, isTimeLimitUnit } from './types';
import { WorkingCalendar } from './working-calendar';
import { formatInZone } from './zone';

// January 2026: Thu 1, Fri 2 off; Mon 5 … Fri 9; Sat 10 make-up working day; Mon 12 … Fri 16; Mon 19.
const cal = WorkingCalendar.compose([FIXTURE_2025, FIXTURE_2026]);

function eff(iso: string): string {
  return formatInZone(cal.effectiveReceipt(at(iso)));
}

function due(iso: string, amount: number, unit: TimeLimitUnit, c: WorkingCalendar = cal): string {
  return formatInZone(c.dueDate(at(iso), amount, unit).dueAt);
}

describe('time-limit units', () => {
  it('lists the three units', () => {
    expect(TIME_LIMIT_UNITS).toEqual(['WORKING_DAY', 'DAY', 'WORKING_HOUR']);
    expect(Object.isFrozen(TIME_LIMIT_UNITS)).toBe(true);
    expect(isTimeLimitUnit('DAY')).toBe(true);
    expect(isTimeLimitUnit('HOUR')).toBe(false);
    expect(isTimeLimitUnit(undefined)).toBe(false);
  });
});

describe('effectiveReceipt (receipt cut-off)', () => {
  it.each([
    ['inside the morning period', '2026-01-12T10:30:00+07:00', '2026-01-12T10:30:00+07:00'],
    ['at opening', '2026-01-12T08:00:00+07:00', '2026-01-12T08:00:00+07:00'],
    ['before opening → opening', '2026-01-12T07:10:00+07:00', '2026-01-12T08:00:00+07:00'],
    ['just after midnight → opening', '2026-01-12T00:00:00+07:00', '2026-01-12T08:00:00+07:00'],
    ['last ms of the morning', '2026-01-12T11:59:59.999+07:00', '2026-01-12T11:59:59.999+07:00'],
    ['12:00 sharp → afternoon start (half-open periods)', '2026-01-12T12:00:00+07:00', '2026-01-12T13:00:00+07:00'],
    ['lunch break → afternoon start', '2026-01-12T12:30:00+07:00', '2026-01-12T13:00:00+07:00'],
    ['14:59:59 still counts today', '2026-01-12T14:59:59+07:00', '2026-01-12T14:59:59+07:00'],
    ['14:59:59.999 still counts today', '2026-01-12T14:59:59.999+07:00', '2026-01-12T14:59:59.999+07:00'],
    ['15:00:00 → next working day', '2026-01-12T15:00:00+07:00', '2026-01-13T08:00:00+07:00'],
    ['16:00 → next working day', '2026-01-12T16:00:00+07:00', '2026-01-13T08:00:00+07:00'],
    ['17:00 → next working day', '2026-01-12T17:00:00+07:00', '2026-01-13T08:00:00+07:00'],
    ['late evening → next working day', '2026-01-12T23:59:59+07:00', '2026-01-13T08:00:00+07:00'],
    ['Friday after cut-off → Monday', '2026-01-16T15:00:00+07:00', '2026-01-19T08:00:00+07:00'],
    ['Saturday → Monday', '2026-01-17T09:00:00+07:00', '2026-01-19T08:00:00+07:00'],
    ['Sunday morning → Monday', '2026-01-18T10:00:00+07:00', '2026-01-19T08:00:00+07:00'],
    ['make-up Saturday counts as a working day', '2026-01-10T10:00:00+07:00', '2026-01-10T10:00:00+07:00'],
    ['Friday after cut-off → make-up Saturday', '2026-01-09T15:30:00+07:00', '2026-01-10T08:00:00+07:00'],
    ['holiday → next working day', '2026-01-01T09:00:00+07:00', '2026-01-05T08:00:00+07:00'],
    ['before Tết after cut-off → after Tết', '2026-02-13T16:00:00+07:00', '2026-02-23T08:00:00+07:00'],
    ['during Tết → after Tết', '2026-02-18T09:00:00+07:00', '2026-02-23T08:00:00+07:00'],
    ['31 December after cut-off → first working day of the next year', '2025-12-31T15:00:00+07:00', '2026-01-05T08:00:00+07:00'],
  ])('%s', (_label, received, expected) => {
    expect(eff(received)).toBe(expected);
  });

  it('works on UTC input (the local day, not the UTC day, decides)', () => {
    // 2026-01-12T08:30Z is 15:30 local: after the cut-off
    expect(formatInZone(cal.effectiveReceipt(new Date('2026-01-12T08:30:00Z')))).toBe('2026-01-13T08:00:00+07:00');
    // 2026-01-11T17:30Z is Monday 00:30 local
    expect(formatInZone(cal.effectiveReceipt(new Date('2026-01-11T17:30:00Z')))).toBe('2026-01-12T08:00:00+07:00');
  });

  it('needs the next year when deferring past 31 December', () => {
    expect(() => cal.effectiveReceipt(at('2026-12-31T15:00:00+07:00'))).toThrow(new CalendarMissingError('national', 2027));
    expect(eff('2026-12-31T14:59:59+07:00')).toBe('2026-12-31T14:59:59+07:00');
  });

  it('rejects an invalid Date', () => {
    expect(() => cal.effectiveReceipt(new Date(Number.NaN))).toThrow(CalendarArgumentError);
  });
});

describe('dueDate: WORKING_DAY', () => {
  it('is the N-th working day after the receipt day, at closing time', () => {
    expect(due('2026-01-12T09:00:00+07:00', 1, 'WORKING_DAY')).toBe('2026-01-13T17:00:00+07:00');
    expect(due('2026-01-12T09:00:00+07:00', 4, 'WORKING_DAY')).toBe('2026-01-16T17:00:00+07:00');
    expect(due('2026-01-12T09:00:00+07:00', 5, 'WORKING_DAY')).toBe('2026-01-19T17:00:00+07:00');
  });

  it('returns the effective receipt too', () => {
    const r = cal.dueDate(at('2026-01-12T15:00:00+07:00'), 1, 'WORKING_DAY');
    expect(formatInZone(r.effectiveReceivedAt)).toBe('2026-01-13T08:00:00+07:00');
    expect(formatInZone(r.dueAt)).toBe('2026-01-14T17:00:00+07:00');
  });

  it('cut-off boundary: 14:59:59 vs 15:00:00', () => {
    expect(due('2026-01-12T14:59:59+07:00', 3, 'WORKING_DAY')).toBe('2026-01-15T17:00:00+07:00');
    expect(due('2026-01-12T15:00:00+07:00', 3, 'WORKING_DAY')).toBe('2026-01-16T17:00:00+07:00');
  });

  it('a receipt at 17:00 sharp is after the cut-off', () => {
    expect(due('2026-01-12T17:00:00+07:00', 1, 'WORKING_DAY')).toBe('2026-01-14T17:00:00+07:00');
  });

  it('weekend receipt starts on Monday', () => {
    expect(due('2026-01-17T09:00:00+07:00', 1, 'WORKING_DAY')).toBe('2026-01-20T17:00:00+07:00');
  });

  it('skips the weekend', () => {
    expect(due('2026-01-15T09:00:00+07:00', 2, 'WORKING_DAY')).toBe('2026-01-19T17:00:00+07:00');
  });

  it('counts a make-up Saturday', () => {
    expect(due('2026-01-08T10:00:00+07:00', 2, 'WORKING_DAY')).toBe('2026-01-10T17:00:00+07:00');
    expect(due('2026-01-09T10:00:00+07:00', 1, 'WORKING_DAY')).toBe('2026-01-10T17:00:00+07:00');
  });

  it('jumps over Tết', () => {
    // Thu 12/2 → Fri 13/2, (Tết 14–22/2), Mon 23/2, Tue 24/2
    expect(due('2026-02-12T10:00:00+07:00', 3, 'WORKING_DAY')).toBe('2026-02-24T17:00:00+07:00');
  });

  it('jumps over the 30/4–1/5 holidays', () => {
    // Wed 29/4 → (Thu 30/4, Fri 1/5, weekend) Mon 4/5
    expect(due('2026-04-29T10:00:00+07:00', 1, 'WORKING_DAY')).toBe('2026-05-04T17:00:00+07:00');
  });

  it('crosses into the next year when that year is loaded', () => {
    // Tue 30/12/2025 → Wed 31/12, (Thu 1/1, Fri 2/1, weekend) Mon 5/1/2026
    expect(due('2025-12-30T10:00:00+07:00', 2, 'WORKING_DAY')).toBe('2026-01-05T17:00:00+07:00');
  });

  it('throws CalendarMissingError when the due date needs a year not loaded', () => {
    // Mon 28/12/2026: +3 lands on Thu 31/12 (fine), +4 needs January 2027
    expect(due('2026-12-28T10:00:00+07:00', 3, 'WORKING_DAY')).toBe('2026-12-31T17:00:00+07:00');
    expect(() => cal.dueDate(at('2026-12-28T10:00:00+07:00'), 4, 'WORKING_DAY')).toThrow(
      new CalendarMissingError('national', 2027),
    );
  });

  it('throws CalendarMissingError for a receipt in a year not loaded (never guesses)', () => {
    expect(() => cal.dueDate(at('2024-06-03T10:00:00+07:00'), 1, 'WORKING_DAY')).toThrow(
      new CalendarMissingError('national', 2024),
    );
  });
});

describe('dueDate: DAY (calendar days)', () => {
  it('is d0 + N calendar days at closing time', () => {
    expect(due('2026-01-12T09:00:00+07:00', 3, 'DAY')).toBe('2026-01-15T17:00:00+07:00');
    expect(due('2026-01-12T09:00:00+07:00', 1, 'DAY')).toBe('2026-01-13T17:00:00+07:00');
  });

  it('moves to the next working day when landing on a weekend', () => {
    expect(due('2026-01-12T09:00:00+07:00', 5, 'DAY')).toBe('2026-01-19T17:00:00+07:00');
    expect(due('2026-01-12T09:00:00+07:00', 6, 'DAY')).toBe('2026-01-19T17:00:00+07:00');
  });

  it('counts weekends and holidays in between (unlike WORKING_DAY)', () => {
    expect(due('2026-01-12T09:00:00+07:00', 7, 'DAY')).toBe('2026-01-19T17:00:00+07:00');
    expect(due('2026-01-12T09:00:00+07:00', 7, 'WORKING_DAY')).toBe('2026-01-21T17:00:00+07:00');
  });

  it('moves to the next working day when landing on a holiday', () => {
    // Fri 24/4 + 3 = Mon 27/4 (compensatory day off) → Tue 28/4
    expect(due('2026-04-24T10:00:00+07:00', 3, 'DAY')).toBe('2026-04-28T17:00:00+07:00');
    // Fri 24/4 + 6 = Thu 30/4 → (Fri 1/5, weekend) → Mon 4/5
    expect(due('2026-04-24T10:00:00+07:00', 6, 'DAY')).toBe('2026-05-04T17:00:00+07:00');
    // landing in Tết
    expect(due('2026-02-10T10:00:00+07:00', 7, 'DAY')).toBe('2026-02-23T17:00:00+07:00');
  });

  it('keeps a make-up Saturday', () => {
    expect(due('2026-01-07T10:00:00+07:00', 3, 'DAY')).toBe('2026-01-10T17:00:00+07:00');
  });

  it('counts from the effective receipt day', () => {
    expect(due('2026-01-12T15:00:00+07:00', 1, 'DAY')).toBe('2026-01-14T17:00:00+07:00');
    expect(due('2026-01-17T10:00:00+07:00', 1, 'DAY')).toBe('2026-01-20T17:00:00+07:00');
  });

  it('throws CalendarMissingError when landing in an unloaded year', () => {
    expect(() => cal.dueDate(at('2026-12-28T10:00:00+07:00'), 7, 'DAY')).toThrow(new CalendarMissingError('national', 2027));
  });
});

describe('dueDate: WORKING_HOUR', () => {
  it.each<[string, string, number, string]>([
    ['within the morning', '2026-01-12T10:30:00+07:00', 1, '2026-01-12T11:30:00+07:00'],
    ['over the lunch break', '2026-01-12T10:30:00+07:00', 2, '2026-01-12T13:30:00+07:00'],
    ['one working day later, same time', '2026-01-12T10:30:00+07:00', 8, '2026-01-13T10:30:00+07:00'],
    ['received in the lunch break → counts from 13:00', '2026-01-12T12:30:00+07:00', 1, '2026-01-12T14:00:00+07:00'],
    ['received before opening → counts from 08:00', '2026-01-12T07:00:00+07:00', 1, '2026-01-12T09:00:00+07:00'],
    ['ends exactly at 12:00 → stays 12:00', '2026-01-12T08:00:00+07:00', 4, '2026-01-12T12:00:00+07:00'],
    ['ends exactly at 12:00 from 10:00', '2026-01-12T10:00:00+07:00', 2, '2026-01-12T12:00:00+07:00'],
    ['ends exactly at 17:00 → stays 17:00', '2026-01-12T08:00:00+07:00', 8, '2026-01-12T17:00:00+07:00'],
    ['ends at 17:00 from 13:00', '2026-01-12T13:00:00+07:00', 4, '2026-01-12T17:00:00+07:00'],
    ['spills to the next morning', '2026-01-12T14:00:00+07:00', 4, '2026-01-13T09:00:00+07:00'],
    ['14:59:59 counts today', '2026-01-12T14:59:59+07:00', 1, '2026-01-12T15:59:59+07:00'],
    ['15:00:00 counts from the next day 08:00', '2026-01-12T15:00:00+07:00', 1, '2026-01-13T09:00:00+07:00'],
    ['16:00 counts from the next day 08:00', '2026-01-12T16:00:00+07:00', 4, '2026-01-13T12:00:00+07:00'],
    ['weekend receipt counts from Monday 08:00', '2026-01-17T10:00:00+07:00', 3, '2026-01-19T11:00:00+07:00'],
    ['Friday afternoon spills over the weekend', '2026-01-16T14:00:00+07:00', 4, '2026-01-19T09:00:00+07:00'],
    ['Friday afternoon spills onto a make-up Saturday', '2026-01-09T14:00:00+07:00', 4, '2026-01-10T09:00:00+07:00'],
    ['spills over Tết', '2026-02-13T14:00:00+07:00', 4, '2026-02-23T09:00:00+07:00'],
    ['several days', '2026-01-12T09:00:00+07:00', 40, '2026-01-19T09:00:00+07:00'],
    ['keeps seconds', '2026-01-12T09:15:42+07:00', 3, '2026-01-12T13:15:42+07:00'],
  ])('%s', (_label, received, hours, expected) => {
    expect(due(received, hours, 'WORKING_HOUR')).toBe(expected);
  });

  it('throws CalendarMissingError when the count runs into an unloaded year', () => {
    expect(due('2026-12-31T14:00:00+07:00', 3, 'WORKING_HOUR')).toBe('2026-12-31T17:00:00+07:00');
    expect(() => cal.dueDate(at('2026-12-31T14:00:00+07:00'), 4, 'WORKING_HOUR')).toThrow(
      new CalendarMissingError('national', 2027),
    );
  });
});

describe('dueDate: argument validation', () => {
  it.each([0, -1, 1.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 10_001, '3', null])('rejects amount %p', (amount) => {
    for (const unit of TIME_LIMIT_UNITS) {
      try {
        cal.dueDate(at('2026-01-12T09:00:00+07:00'), amount as number, unit);
        throw new Error('expected CalendarArgumentError');
      } catch (e) {
        expect(e).toBeInstanceOf(CalendarArgumentError);
        expect((e as CalendarArgumentError).argument).toBe('amount');
        expect((e as CalendarArgumentError).code).toBe('CALENDAR_ARGUMENT');
      }
    }
  });

  it('accepts the maximum amount (the calendar must then cover the years it reaches)', () => {
    expect(() => cal.dueDate(at('2026-01-12T09:00:00+07:00'), 10_000, 'DAY')).toThrow(CalendarMissingError);
  });

  it('rejects an unknown unit and an invalid receipt time', () => {
    expect(() => cal.dueDate(at('2026-01-12T09:00:00+07:00'), 1, 'HOUR' as TimeLimitUnit)).toThrow(
      expect.objectContaining({ argument: 'unit' }),
    );
    expect(() => cal.dueDate(new Date('garbage'), 1, 'DAY')).toThrow(expect.objectContaining({ argument: 'receivedAt' }));
  });
});

describe('per-year and per-agency settings', () => {
  const agencyHours: CalendarYear = {
    scope: 'H55.242',
    year: 2026,
    holidays: [],
    workingDays: [],
    settings: {
      workingPeriods: [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ],
      cutoffTime: '16:00',
    },
  };
  const agencyCal = WorkingCalendar.compose([FIXTURE_2026], [agencyHours]);

  it('uses the agency cut-off and working periods', () => {
    expect(formatInZone(agencyCal.effectiveReceipt(at('2026-01-12T15:30:00+07:00')))).toBe('2026-01-12T15:30:00+07:00');
    expect(formatInZone(agencyCal.effectiveReceipt(at('2026-01-12T16:00:00+07:00')))).toBe('2026-01-13T07:30:00+07:00');
    expect(formatInZone(agencyCal.effectiveReceipt(at('2026-01-12T12:00:00+07:00')))).toBe('2026-01-12T13:30:00+07:00');
    expect(due('2026-01-12T10:30:00+07:00', 2, 'WORKING_HOUR', agencyCal)).toBe('2026-01-12T14:30:00+07:00');
    expect(due('2026-01-12T10:30:00+07:00', 1, 'WORKING_DAY', agencyCal)).toBe('2026-01-13T17:00:00+07:00');
    expect(agencyCal.settingsFor('2026-01-12')).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      cutoffTime: '16:00',
      closingTime: '17:00',
      workingPeriods: [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ],
    });
  });

  it('applies national settings per year', () => {
    const c = WorkingCalendar.compose([
      FIXTURE_2025,
      { ...FIXTURE_2026, settings: { closingTime: '16:30', cutoffTime: '14:00' } },
    ]);
    // received Wed 31/12/2025 14:30 (before the 2025 cut-off): d0 = 31/12/2025; due in 2026 at the 2026 closing time
    expect(due('2025-12-31T14:30:00+07:00', 1, 'WORKING_DAY', c)).toBe('2026-01-05T16:30:00+07:00');
    // the same time in 2026 is after the 2026 cut-off
    expect(formatInZone(c.effectiveReceipt(at('2026-01-12T14:30:00+07:00')))).toBe('2026-01-13T08:00:00+07:00');
  });
});
