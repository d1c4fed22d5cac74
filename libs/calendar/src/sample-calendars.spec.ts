import { SAMPLE_NATIONAL_CALENDARS } from './sample-calendars';
import { WorkingCalendar } from './working-calendar';
import { CalendarMissingError } from './errors';
import * as api from './index';

describe('SAMPLE_NATIONAL_CALENDARS', () => {
  const cal = WorkingCalendar.compose(SAMPLE_NATIONAL_CALENDARS);

  it('is valid national data for 2025, 2026 and 2027 with default settings', () => {
    expect(cal.nationalYears).toEqual([2025, 2026, 2027]);
    for (const y of SAMPLE_NATIONAL_CALENDARS) {
      expect(y.scope).toBe('national');
      expect(y.settings).toBeUndefined();
    }
    expect(() => cal.isWorkingDay('2028-01-03')).toThrow(new CalendarMissingError('national', 2028));
  });

  it.each([2025, 2026, 2027])('%i: the statutory holidays are days off and the year has a plausible working-day count', (year) => {
    for (const md of ['01-01', '04-30', '09-02']) expect(cal.isWorkingDay(`${year}-${md}`)).toBe(false);
    let working = 0;
    let weekdaysOff = 0;
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const isWorking = cal.isWorkingDay(d.toISOString().slice(0, 10));
      if (isWorking) working += 1;
      const weekday = d.getUTCDay();
      if (!isWorking && weekday >= 1 && weekday <= 5) weekdaysOff += 1;
    }
    // Labour Code 2019 Art. 112: 11 public-holiday days a year; swaps can move a day to a make-up Saturday
    expect(weekdaysOff).toBeGreaterThanOrEqual(9);
    expect(weekdaysOff).toBeLessThanOrEqual(13);
    expect(working).toBeGreaterThanOrEqual(245);
    expect(working).toBeLessThanOrEqual(255);
  });

  it('has the known Tết weeks and make-up Saturdays', () => {
    expect(['2025-01-27', '2025-01-31', '2026-02-16', '2026-02-20', '2027-02-08'].map((d) => cal.isWorkingDay(d))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
  });
});

describe('public entry point', () => {
  it('exports the documented API', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CalendarArgumentError',
        'CalendarError',
        'CalendarInvalidError',
        'CalendarMissingError',
        'DEFAULT_CALENDAR_SETTINGS',
        'MAX_CALENDAR_YEAR',
        'MAX_TIME_LIMIT_AMOUNT',
        'MIN_CALENDAR_YEAR',
        'NATIONAL_SCOPE',
        'SAMPLE_NATIONAL_CALENDARS',
        'TIME_LIMIT_UNITS',
        'TIME_ZONE',
        'WorkingCalendar',
        'ZONE_OFFSET',
        'classifyCompletion',
        'formatCompact',
        'formatInZone',
        'isIsoInstant',
        'isTimeLimitUnit',
        'localDateOf',
        'parseCompact',
        'parseIsoInstant',
        'zonedInstant',
      ].sort(),
    );
  });
});
