import { CalendarArgumentError, CalendarMissingError } from './errors';
import { FIXTURE_2025, FIXTURE_2026, at } from './test-fixtures';
import { CalendarYear, TIME_LIMIT_UNITS, TimeLimitUnit } from './types';
import { WorkingCalendar, classifyCompletion } from './working-calendar';
import { MS_PER_HOUR, MS_PER_MINUTE, formatInZone } from './zone';

// January 2026: Sat 10 is a make-up working day; Mon 12 … Fri 16; Sat 17, Sun 18; Mon 19 …
const cal = WorkingCalendar.compose([FIXTURE_2025, FIXTURE_2026]);

function coverage(paused: string, resumed: string, c: WorkingCalendar = cal) {
  const r = c.pauseCoverage(at(paused), at(resumed));
  return { days: r.workingDays, hours: r.workingMs / MS_PER_HOUR };
}

function shift(dueAt: string, paused: string, resumed: string, unit: TimeLimitUnit, c: WorkingCalendar = cal): string {
  return formatInZone(c.pauseShift(at(dueAt), at(paused), at(resumed), unit));
}

describe('pauseCoverage: whole working days and working time covered', () => {
  it.each<[string, string, string, number, number]>([
    ['Mon 10:00 → Wed 10:00 covers 2 working days', '2026-01-12T10:00:00+07:00', '2026-01-14T10:00:00+07:00', 2, 16],
    ['one second short of that covers 1', '2026-01-12T10:00:00+07:00', '2026-01-14T09:59:59+07:00', 1, 16 - 1 / 3600],
    ['a full working day, same day', '2026-01-12T08:00:00+07:00', '2026-01-12T17:00:00+07:00', 1, 8],
    ['the full day stated as whole day', '2026-01-12T00:00:00+07:00', '2026-01-13T00:00:00+07:00', 1, 8],
    ['17:00 to next 17:00', '2026-01-12T17:00:00+07:00', '2026-01-13T17:00:00+07:00', 1, 8],
    ['noon to next noon (lunch break does not matter)', '2026-01-12T12:00:00+07:00', '2026-01-13T12:00:00+07:00', 1, 8],
    ['12:30 to next 12:00', '2026-01-12T12:30:00+07:00', '2026-01-13T12:00:00+07:00', 1, 8],
    ['part of a day', '2026-01-12T10:00:00+07:00', '2026-01-12T16:00:00+07:00', 0, 5],
    ['overnight', '2026-01-12T16:00:00+07:00', '2026-01-13T09:00:00+07:00', 0, 2],
    ['lunch break only', '2026-01-12T12:00:00+07:00', '2026-01-12T13:00:00+07:00', 0, 0],
    ['night only', '2026-01-12T17:00:00+07:00', '2026-01-13T08:00:00+07:00', 0, 0],
    ['weekend only', '2026-01-17T09:00:00+07:00', '2026-01-18T18:00:00+07:00', 0, 0],
    ['Friday close to Monday open', '2026-01-16T17:00:00+07:00', '2026-01-19T08:00:00+07:00', 0, 0],
    ['Friday 15:00 to Monday 09:00', '2026-01-16T15:00:00+07:00', '2026-01-19T09:00:00+07:00', 0, 3],
    ['Friday 10:00 to Monday 10:00 (weekend not counted)', '2026-01-16T10:00:00+07:00', '2026-01-19T10:00:00+07:00', 1, 8],
    ['over a make-up Saturday', '2026-01-09T10:00:00+07:00', '2026-01-12T10:00:00+07:00', 2, 16],
    ['Wed 29/4 10:00 → Mon 4/5 10:00 over 30/4–1/5', '2026-04-29T10:00:00+07:00', '2026-05-04T10:00:00+07:00', 1, 8],
    ['over Tết', '2026-02-13T10:00:00+07:00', '2026-02-23T10:00:00+07:00', 1, 8],
    ['inside Tết only', '2026-02-16T08:00:00+07:00', '2026-02-20T17:00:00+07:00', 0, 0],
    ['across the year boundary', '2025-12-30T10:00:00+07:00', '2026-01-06T10:00:00+07:00', 3, 24],
    ['two full weeks', '2026-01-12T08:00:00+07:00', '2026-01-23T17:00:00+07:00', 10, 80],
    ['zero-length pause', '2026-01-12T10:00:00+07:00', '2026-01-12T10:00:00+07:00', 0, 0],
  ])('%s', (_label, paused, resumed, days, hours) => {
    const c = coverage(paused, resumed);
    expect(c.days).toBe(days);
    expect(c.hours).toBeCloseTo(hours, 9);
  });

  it('counts an agency closure as non-working (Tue 10:00 → Thu 10:00 with Wed closed covers 1)', () => {
    const agency: CalendarYear = { scope: '000.00.00.H31', year: 2026, holidays: ['2026-01-14'], workingDays: [] };
    const c = WorkingCalendar.compose([FIXTURE_2026], [agency]);
    expect(coverage('2026-01-13T10:00:00+07:00', '2026-01-15T10:00:00+07:00', c)).toEqual({ days: 1, hours: 8 });
    expect(coverage('2026-01-13T10:00:00+07:00', '2026-01-15T10:00:00+07:00')).toEqual({ days: 2, hours: 16 });
  });

  it('uses the working clock of each day when working days have different lengths', () => {
    // 2025: 8-hour days; 2026: 08:00–12:00 only (4 hours). Wed 31/12/2025 12:00 is half-way through its day,
    // Mon 5/1/2026 10:00 half-way through its day: exactly one working day apart.
    const c = WorkingCalendar.compose([
      FIXTURE_2025,
      { ...FIXTURE_2026, settings: { workingPeriods: [['08:00', '12:00']], cutoffTime: '11:00', closingTime: '12:00' } },
    ]);
    expect(coverage('2025-12-31T12:00:00+07:00', '2026-01-05T10:00:00+07:00', c)).toEqual({ days: 1, hours: 6 });
    expect(coverage('2025-12-31T12:00:00+07:00', '2026-01-05T09:59:59+07:00', c).days).toBe(0);
  });

  it('rejects a resumption before the pause and invalid dates', () => {
    expect(() => cal.pauseCoverage(at('2026-01-13T10:00:00+07:00'), at('2026-01-13T09:00:00+07:00'))).toThrow(
      expect.objectContaining({ argument: 'resumedAt' }),
    );
    expect(() => cal.pauseCoverage(new Date('x'), at('2026-01-13T09:00:00+07:00'))).toThrow(CalendarArgumentError);
  });

  it('needs every year the pause spans', () => {
    expect(() => cal.pauseCoverage(at('2026-12-30T10:00:00+07:00'), at('2027-01-05T10:00:00+07:00'))).toThrow(
      new CalendarMissingError('national', 2027),
    );
  });
});

describe('pauseShift', () => {
  const dueFri = '2026-01-16T17:00:00+07:00';

  it('moves a WORKING_DAY due date by the whole working days covered', () => {
    expect(shift(dueFri, '2026-01-12T10:00:00+07:00', '2026-01-14T10:00:00+07:00', 'WORKING_DAY')).toBe(
      '2026-01-20T17:00:00+07:00',
    );
    expect(shift(dueFri, '2026-01-12T10:00:00+07:00', '2026-01-14T09:59:59+07:00', 'WORKING_DAY')).toBe(
      '2026-01-19T17:00:00+07:00',
    );
  });

  it('moves a DAY due date by working days as well (the hub rule)', () => {
    expect(shift('2026-01-19T17:00:00+07:00', '2026-01-12T10:00:00+07:00', '2026-01-14T10:00:00+07:00', 'DAY')).toBe(
      '2026-01-21T17:00:00+07:00',
    );
  });

  it('a pause covering only a weekend moves nothing, for every unit', () => {
    for (const unit of TIME_LIMIT_UNITS) {
      expect(shift(dueFri, '2026-01-17T09:00:00+07:00', '2026-01-18T18:00:00+07:00', unit)).toBe(dueFri);
      expect(shift(dueFri, '2026-01-16T17:00:00+07:00', '2026-01-19T08:00:00+07:00', unit)).toBe(dueFri);
    }
  });

  it('returns the same instant (a new Date) when nothing is covered, even off closing time', () => {
    const dueAt = at('2026-01-16T16:00:00+07:00');
    const moved = cal.pauseShift(dueAt, at('2026-01-17T09:00:00+07:00'), at('2026-01-17T10:00:00+07:00'), 'WORKING_DAY');
    expect(moved).not.toBe(dueAt);
    expect(moved.getTime()).toBe(dueAt.getTime());
  });

  it('a partial day moves nothing for day units but the exact working time for WORKING_HOUR', () => {
    expect(shift(dueFri, '2026-01-12T10:00:00+07:00', '2026-01-12T16:00:00+07:00', 'WORKING_DAY')).toBe(dueFri);
    expect(shift(dueFri, '2026-01-12T10:00:00+07:00', '2026-01-12T16:00:00+07:00', 'WORKING_HOUR')).toBe(
      '2026-01-19T14:00:00+07:00', // 5 h from Fri 17:00: Mon 08–12 + 13–14
    );
  });

  it('a pause across a holiday counts only the working days', () => {
    // covers 1 working day (Wed 29/4 10:00 → Mon 4/5 10:00); due Tue 5/5 → Wed 6/5
    expect(shift('2026-05-05T17:00:00+07:00', '2026-04-29T10:00:00+07:00', '2026-05-04T10:00:00+07:00', 'WORKING_DAY')).toBe(
      '2026-05-06T17:00:00+07:00',
    );
  });

  it('the moved due date itself skips non-working days', () => {
    // due Fri 13/2 (before Tết); a 1-day pause moves it to Mon 23/2
    expect(shift('2026-02-13T17:00:00+07:00', '2026-02-09T10:00:00+07:00', '2026-02-10T10:00:00+07:00', 'WORKING_DAY')).toBe(
      '2026-02-23T17:00:00+07:00',
    );
  });

  it('WORKING_HOUR: moves by the working time covered, honouring periods and the 12:00 boundary', () => {
    const twoHours = ['2026-01-12T08:00:00+07:00', '2026-01-12T10:00:00+07:00'] as const;
    expect(shift('2026-01-13T10:00:00+07:00', ...twoHours, 'WORKING_HOUR')).toBe('2026-01-13T12:00:00+07:00');
    expect(shift('2026-01-13T11:00:00+07:00', ...twoHours, 'WORKING_HOUR')).toBe('2026-01-13T14:00:00+07:00');
    expect(shift('2026-01-13T12:00:00+07:00', ...twoHours, 'WORKING_HOUR')).toBe('2026-01-13T15:00:00+07:00');
    expect(shift('2026-01-16T16:00:00+07:00', ...twoHours, 'WORKING_HOUR')).toBe('2026-01-19T09:00:00+07:00');
    // a 30-minute pause over lunch covers 0 working time
    expect(shift('2026-01-13T10:00:00+07:00', '2026-01-12T12:15:00+07:00', '2026-01-12T12:45:00+07:00', 'WORKING_HOUR')).toBe(
      '2026-01-13T10:00:00+07:00',
    );
    // partial minutes are kept
    const c = cal.pauseCoverage(at('2026-01-12T11:50:00+07:00'), at('2026-01-12T13:05:00+07:00'));
    expect(c.workingMs).toBe(15 * MS_PER_MINUTE);
    expect(shift('2026-01-13T11:50:00+07:00', '2026-01-12T11:50:00+07:00', '2026-01-12T13:05:00+07:00', 'WORKING_HOUR')).toBe(
      '2026-01-13T13:05:00+07:00',
    );
  });

  it('throws CalendarMissingError when the moved due date needs the next year', () => {
    expect(() =>
      cal.pauseShift(at('2026-12-31T17:00:00+07:00'), at('2026-12-28T10:00:00+07:00'), at('2026-12-29T10:00:00+07:00'), 'WORKING_DAY'),
    ).toThrow(new CalendarMissingError('national', 2027));
  });

  it('validates its arguments', () => {
    expect(() =>
      cal.pauseShift(at(dueFri), at('2026-01-13T10:00:00+07:00'), at('2026-01-12T10:00:00+07:00'), 'WORKING_DAY'),
    ).toThrow(expect.objectContaining({ argument: 'resumedAt' }));
    expect(() =>
      cal.pauseShift(new Date('x'), at('2026-01-12T10:00:00+07:00'), at('2026-01-13T10:00:00+07:00'), 'WORKING_DAY'),
    ).toThrow(expect.objectContaining({ argument: 'dueAt' }));
    expect(() =>
      cal.pauseShift(at(dueFri), at('2026-01-12T10:00:00+07:00'), at('2026-01-13T10:00:00+07:00'), 'WEEK' as TimeLimitUnit),
    ).toThrow(expect.objectContaining({ argument: 'unit' }));
  });
});

describe('addWorkingDays (extension after apology)', () => {
  it.each<[string, number, string]>([
    ['2026-01-12T17:00:00+07:00', 3, '2026-01-15T17:00:00+07:00'],
    ['2026-01-16T17:00:00+07:00', 1, '2026-01-19T17:00:00+07:00'],
    ['2026-01-09T17:00:00+07:00', 1, '2026-01-10T17:00:00+07:00'],
    ['2026-02-13T17:00:00+07:00', 1, '2026-02-23T17:00:00+07:00'],
    ['2026-01-12T10:00:00+07:00', 1, '2026-01-13T17:00:00+07:00'],
    ['2026-01-17T10:00:00+07:00', 1, '2026-01-19T17:00:00+07:00'],
    ['2025-12-31T17:00:00+07:00', 1, '2026-01-05T17:00:00+07:00'],
  ])('%s + %d working days → %s', (from, n, expected) => {
    expect(formatInZone(cal.addWorkingDays(at(from), n))).toBe(expected);
  });

  it('rejects a non-positive or fractional count', () => {
    for (const n of [0, -2, 1.5, Number.NaN]) {
      expect(() => cal.addWorkingDays(at('2026-01-12T17:00:00+07:00'), n)).toThrow(expect.objectContaining({ argument: 'n' }));
    }
  });

  it('needs the years it reaches', () => {
    expect(() => cal.addWorkingDays(at('2026-12-31T17:00:00+07:00'), 1)).toThrow(new CalendarMissingError('national', 2027));
  });
});

describe('classifyCompletion', () => {
  const dueAt = at('2026-01-15T17:00:00+07:00');

  it.each<[string, string]>([
    ['2026-01-15T17:00:00+07:00', 'ON_TIME'],
    ['2026-01-15T16:59:59+07:00', 'ON_TIME'],
    ['2026-01-15T08:00:00+07:00', 'ON_TIME'],
    ['2026-01-15T00:00:00+07:00', 'ON_TIME'],
    ['2026-01-14T23:59:59+07:00', 'EARLY'],
    ['2026-01-12T09:00:00+07:00', 'EARLY'],
    ['2026-01-15T17:00:01+07:00', 'LATE'],
    ['2026-01-15T17:00:00.001+07:00', 'LATE'],
    ['2026-01-16T09:00:00+07:00', 'LATE'],
  ])('finished %s → %s', (finished, expected) => {
    expect(classifyCompletion(at(finished), dueAt)).toBe(expected);
    expect(cal.classifyCompletion(at(finished), dueAt)).toBe(expected);
  });

  it('uses the local day, not the UTC day', () => {
    // Both instants below are on the UTC day 14/1, but on different local days.
    expect(classifyCompletion(new Date('2026-01-14T16:59:59Z'), dueAt)).toBe('EARLY'); // Wed 23:59:59 local
    expect(classifyCompletion(new Date('2026-01-14T17:00:00Z'), dueAt)).toBe('ON_TIME'); // Thu 00:00 local
  });

  it('a WORKING_HOUR due date in the morning: earlier that day is on time', () => {
    expect(classifyCompletion(at('2026-01-15T09:00:00+07:00'), at('2026-01-15T10:00:00+07:00'))).toBe('ON_TIME');
  });

  it('needs no calendar data', () => {
    const empty = WorkingCalendar.compose([]);
    expect(empty.classifyCompletion(at('2030-01-01T09:00:00+07:00'), at('2030-01-02T17:00:00+07:00'))).toBe('EARLY');
  });

  it('rejects invalid dates', () => {
    expect(() => classifyCompletion(new Date('x'), dueAt)).toThrow(expect.objectContaining({ argument: 'finishedAt' }));
    expect(() => classifyCompletion(dueAt, new Date('x'))).toThrow(expect.objectContaining({ argument: 'dueAt' }));
  });
});
