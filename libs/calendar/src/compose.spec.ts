import { CalendarError, CalendarInvalidError, CalendarMissingError, CalendarArgumentError } from './errors';
import { FIXTURE_2025, FIXTURE_2026 } from './test-fixtures';
import { CalendarSettings, CalendarYear, DEFAULT_CALENDAR_SETTINGS } from './types';
import { WorkingCalendar } from './working-calendar';

function year(overrides: Record<string, unknown> = {}): CalendarYear {
  return { scope: 'national', year: 2026, holidays: [], workingDays: [], ...overrides } as CalendarYear;
}

function invalid(fn: () => unknown): CalendarInvalidError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarInvalidError);
    return e as CalendarInvalidError;
  }
  throw new Error('expected CalendarInvalidError, nothing was thrown');
}

function withSettings(settings: Partial<CalendarSettings> | Record<string, unknown>): CalendarInvalidError {
  return invalid(() => WorkingCalendar.compose([year({ settings: settings as Partial<CalendarSettings> })]));
}

describe('WorkingCalendar.compose: valid input', () => {
  it('loads national years and reports them sorted', () => {
    const cal = WorkingCalendar.compose([FIXTURE_2026, FIXTURE_2025]);
    expect(cal.nationalYears).toEqual([2025, 2026]);
    expect(cal.agencyScope).toBeUndefined();
  });

  it('accepts an empty national layer (every computation then reports the missing year)', () => {
    const cal = WorkingCalendar.compose([]);
    expect(() => cal.isWorkingDay('2026-01-12')).toThrow(CalendarMissingError);
  });

  it('accepts holidays on weekends and touching working periods', () => {
    const cal = WorkingCalendar.compose([
      year({
        holidays: ['2026-04-26'],
        settings: { workingPeriods: [['08:00', '12:00'], ['12:00', '16:00']], cutoffTime: '15:00', closingTime: '16:00' },
      }),
    ]);
    expect(cal.isWorkingDay('2026-04-26')).toBe(false);
    expect(cal.settingsFor('2026-04-27').workingPeriods).toEqual([
      ['08:00', '12:00'],
      ['12:00', '16:00'],
    ]);
  });

  it('does not keep references to the caller data', () => {
    const input = year({ holidays: ['2026-01-13'] });
    const cal = WorkingCalendar.compose([input]);
    input.holidays.push('2026-01-14');
    expect(cal.isWorkingDay('2026-01-14')).toBe(true);
    const settings = cal.settingsFor('2026-01-14');
    settings.workingPeriods[0][0] = '00:00';
    expect(cal.settingsFor('2026-01-14').workingPeriods[0][0]).toBe('08:00');
  });

  it('exposes frozen defaults', () => {
    expect(Object.isFrozen(DEFAULT_CALENDAR_SETTINGS)).toBe(true);
    expect(DEFAULT_CALENDAR_SETTINGS).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      cutoffTime: '15:00',
      closingTime: '17:00',
      workingPeriods: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
    });
  });
});

describe('WorkingCalendar.compose: invalid calendar data', () => {
  it('errors are typed, coded and name the field', () => {
    const e = invalid(() => WorkingCalendar.compose([year({ holidays: ['2026-1-13'] })]));
    expect(e).toBeInstanceOf(CalendarError);
    expect(e.name).toBe('CalendarInvalidError');
    expect(e.code).toBe('CALENDAR_INVALID');
    expect(e.field).toBe('national/2026.holidays[0]');
    expect(e.value).toBe('2026-1-13');
    expect(e.message).toBe('national/2026.holidays[0]: must be a real date as YYYY-MM-DD (got "2026-1-13")');
  });

  it.each([
    ['malformed date', { holidays: ['13/01/2026'] }, 'national/2026.holidays[0]'],
    ['impossible date', { holidays: ['2026-01-13', '2026-02-30'] }, 'national/2026.holidays[1]'],
    ['non-string date', { holidays: [20260113] }, 'national/2026.holidays[0]'],
    ['date outside its year', { holidays: ['2025-12-31'] }, 'national/2026.holidays[0]'],
    ['working day outside its year', { workingDays: ['2027-01-02'] }, 'national/2026.workingDays[0]'],
    ['duplicate holiday', { holidays: ['2026-01-13', '2026-01-13'] }, 'national/2026.holidays[1]'],
    ['holiday that is also a working day', { holidays: ['2026-01-10'], workingDays: ['2026-01-10'] }, 'national/2026.workingDays[0]'],
    ['make-up working day on a weekday', { workingDays: ['2026-01-12'] }, 'national/2026.workingDays[0]'],
    ['holidays not an array', { holidays: '2026-01-01' }, 'national/2026.holidays'],
    ['workingDays missing', { workingDays: undefined }, 'national/2026.workingDays'],
    ['settings not an object', { settings: 'x' }, 'national/2026.settings'],
    ['wrong national scope', { scope: '000.00.00.H31' }, 'national[0].scope'],
    ['empty scope', { scope: '' }, 'national[0].scope'],
    ['fractional year', { year: 2026.5 }, 'national[0].year'],
    ['year before the fixed offset era', { year: 1975, holidays: [] }, 'national[0].year'],
    ['year as a string', { year: '2026' }, 'national[0].year'],
  ])('%s', (_label, overrides, field) => {
    expect(invalid(() => WorkingCalendar.compose([year(overrides)])).field).toBe(field);
  });

  it('rejects a year listed twice', () => {
    expect(invalid(() => WorkingCalendar.compose([FIXTURE_2026, FIXTURE_2026])).field).toBe('national/2026');
  });

  it('rejects a non-object entry and a non-array layer', () => {
    expect(invalid(() => WorkingCalendar.compose([null as unknown as CalendarYear])).field).toBe('national[0]');
    expect(invalid(() => WorkingCalendar.compose({} as unknown as CalendarYear[])).field).toBe('national');
    expect(invalid(() => WorkingCalendar.compose([], 'x' as unknown as CalendarYear[])).field).toBe('agency');
  });

  it('agency layer: closures only, one agency, never "national"', () => {
    const agency = (o: Partial<CalendarYear>) => year({ scope: '000.00.00.H31', ...o });
    expect(invalid(() => WorkingCalendar.compose([FIXTURE_2026], [agency({ workingDays: ['2026-01-17'] })])).field).toBe(
      '000.00.00.H31/2026.workingDays',
    );
    expect(invalid(() => WorkingCalendar.compose([FIXTURE_2026], [year({ scope: 'national' })])).field).toBe('agency[0].scope');
    expect(
      invalid(() => WorkingCalendar.compose([FIXTURE_2026], [agency({}), agency({ scope: 'H55.242', year: 2025 })])).field,
    ).toBe('H55.242/2025.scope');
    expect(invalid(() => WorkingCalendar.compose([FIXTURE_2026], [agency({}), agency({})])).field).toBe('000.00.00.H31/2026');
  });
});

describe('WorkingCalendar.compose: invalid settings', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['unknown key (typo)', { cutOffTime: '15:00' }, 'national/2026.settings.cutOffTime'],
    ['another time zone', { timeZone: 'Asia/Bangkok' }, 'national/2026.settings.timeZone'],
    ['cut-off not HH:mm', { cutoffTime: '3pm' }, 'national/2026.settings.cutoffTime'],
    ['cut-off 24:00', { cutoffTime: '24:00' }, 'national/2026.settings.cutoffTime'],
    ['closing time with one-digit hour', { closingTime: '5:00' }, 'national/2026.settings.closingTime'],
    ['no working period', { workingPeriods: [] }, 'national/2026.settings.workingPeriods'],
    ['periods not an array', { workingPeriods: '08:00-17:00' }, 'national/2026.settings.workingPeriods'],
    ['period not a pair', { workingPeriods: [['08:00', '12:00', '13:00']] }, 'national/2026.settings.workingPeriods[0]'],
    ['period time malformed', { workingPeriods: [['08:00', '12:00'], ['13:00', '17h']] }, 'national/2026.settings.workingPeriods[1]'],
    ['reversed period', { workingPeriods: [['12:00', '08:00'], ['13:00', '17:00']] }, 'national/2026.settings.workingPeriods[0]'],
    ['empty period', { workingPeriods: [['08:00', '08:00'], ['13:00', '17:00']] }, 'national/2026.settings.workingPeriods[0]'],
    ['unsorted periods', { workingPeriods: [['13:00', '17:00'], ['08:00', '12:00']] }, 'national/2026.settings.workingPeriods[1]'],
    ['overlapping periods', { workingPeriods: [['08:00', '12:30'], ['12:00', '17:00']] }, 'national/2026.settings.workingPeriods[1]'],
    ['cut-off in the lunch break', { cutoffTime: '12:30' }, 'national/2026.settings.cutoffTime'],
    ['cut-off before opening', { cutoffTime: '07:00' }, 'national/2026.settings.cutoffTime'],
    ['cut-off at opening', { cutoffTime: '08:00' }, 'national/2026.settings.cutoffTime'],
    ['cut-off after closing of the periods', { cutoffTime: '17:30' }, 'national/2026.settings.cutoffTime'],
    ['closing time outside the periods', { closingTime: '18:00' }, 'national/2026.settings.closingTime'],
    ['cut-off after the closing time', { cutoffTime: '16:30', closingTime: '16:00' }, 'national/2026.settings.cutoffTime'],
  ])('%s', (_label, settings, field) => {
    expect(withSettings(settings).field).toBe(field);
  });

  it('validates the agency-merged settings under the agency prefix', () => {
    const e = invalid(() =>
      WorkingCalendar.compose([FIXTURE_2026], [year({ scope: 'H55.242', settings: { cutoffTime: '12:30' } })]),
    );
    expect(e.field).toBe('H55.242/2026.settings.cutoffTime');
  });
});

describe('isWorkingDay', () => {
  const cal = WorkingCalendar.compose([FIXTURE_2026]);

  it.each([
    ['2026-01-12', true, 'Monday'],
    ['2026-01-16', true, 'Friday'],
    ['2026-01-17', false, 'Saturday'],
    ['2026-01-18', false, 'Sunday'],
    ['2026-01-01', false, 'New Year holiday'],
    ['2026-01-02', false, 'swapped day off'],
    ['2026-01-10', true, 'make-up Saturday'],
    ['2026-02-18', false, 'Tết'],
    ['2026-04-26', false, 'holiday on a Sunday'],
    ['2026-04-27', false, 'compensatory Monday'],
    ['2026-12-31', true, 'last day of the year'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('reports an unloaded year with a typed error carrying scope and year', () => {
    try {
      cal.isWorkingDay('2027-01-04');
      throw new Error('expected CalendarMissingError');
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarMissingError);
      expect(e).toBeInstanceOf(CalendarError);
      const err = e as CalendarMissingError;
      expect(err.scope).toBe('national');
      expect(err.year).toBe(2027);
      expect(err.code).toBe('CALENDAR_MISSING');
      expect(err.name).toBe('CalendarMissingError');
      expect(err.message).toBe('calendar national/2027 missing');
    }
  });

  it('rejects a malformed date argument', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(CalendarArgumentError);
    expect(() => cal.isWorkingDay('12/01/2026')).toThrow(CalendarArgumentError);
  });

  it('nextWorkingDay skips weekends, holidays and stops on make-up days', () => {
    expect(cal.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
    expect(cal.nextWorkingDay('2026-01-16')).toBe('2026-01-19');
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(() => cal.nextWorkingDay('2026-12-31')).toThrow(CalendarMissingError);
  });
});

describe('agency closure layer', () => {
  const agency: CalendarYear = {
    scope: '000.00.00.H31',
    year: 2026,
    holidays: ['2026-01-13', '2026-01-10'],
    workingDays: [],
  };
  const cal = WorkingCalendar.compose([FIXTURE_2025, FIXTURE_2026], [agency]);

  it('adds closures on top of the national calendar, and a closure wins over a make-up day', () => {
    expect(cal.agencyScope).toBe('000.00.00.H31');
    expect(cal.isWorkingDay('2026-01-13')).toBe(false);
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
  });

  it('an agency without an entry for a year has no closures that year', () => {
    expect(cal.isWorkingDay('2025-06-10')).toBe(true);
  });

  it('the national year stays mandatory even when the agency has one', () => {
    const c = WorkingCalendar.compose([FIXTURE_2026], [{ ...agency, year: 2027, holidays: ['2027-01-04'] }]);
    expect(() => c.isWorkingDay('2027-01-05')).toThrow(new CalendarMissingError('national', 2027));
  });
});
