/**
 * Input checks of the working calendar: the calendar years a caller hands to `WorkingCalendar.compose`
 * (scope, year, dates, make-up days), turned into validated day sets. Pure.
 */
import { CalendarInvalidError } from './errors';
import { localDateOfDay, tryParseLocalDate, weekdayOfDay, yearOfDay } from './zone';

/** The scope of the national layer. */
export const NATIONAL_SCOPE = 'national';
/** First calendar year accepted: the fixed +07:00 offset of Asia/Ho_Chi_Minh holds from 13 June 1975 on. */
export const MIN_CALENDAR_YEAR = 1976;
export const MAX_CALENDAR_YEAR = 9999;
/**
 * Sanity bound on a time-limit amount (in its own unit). Real procedures state days or weeks; anything
 * above this is a data error, not a deadline.
 */
export const MAX_TIME_LIMIT_AMOUNT = 10_000;

/** One year of one layer, as sets of day indexes. */
export interface YearLayer {
  readonly holidays: ReadonlySet<number>;
  readonly workingDays: ReadonlySet<number>;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateYear(
  entry: unknown,
  position: string,
  layer: 'national' | 'agency',
): { scope: string; year: number; prefix: string; layer: YearLayer } {
  if (!isPlainObject(entry)) throw new CalendarInvalidError(position, 'must be a calendar year object');
  const { scope, year } = entry;
  if (typeof scope !== 'string' || scope.trim() === '' || scope !== scope.trim()) {
    throw new CalendarInvalidError(`${position}.scope`, 'must be a non-empty string without surrounding spaces', scope);
  }
  if (layer === 'national' && scope !== NATIONAL_SCOPE) {
    throw new CalendarInvalidError(`${position}.scope`, `the national layer must have scope "${NATIONAL_SCOPE}"`, scope);
  }
  if (layer === 'agency' && scope === NATIONAL_SCOPE) {
    throw new CalendarInvalidError(`${position}.scope`, 'the agency layer must carry the agency code, not "national"', scope);
  }
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new CalendarInvalidError(
      `${position}.year`,
      `must be an integer from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`,
      year,
    );
  }
  const prefix = `${scope}/${year}`;
  const holidays = validateDates(entry.holidays, `${prefix}.holidays`, year);
  const workingDays = validateDates(entry.workingDays, `${prefix}.workingDays`, year);
  if (layer === 'agency' && workingDays.size > 0) {
    throw new CalendarInvalidError(
      `${prefix}.workingDays`,
      'an agency layer may only add closures (holidays), not working days',
      entry.workingDays,
    );
  }
  for (const [day, index] of workingDays) {
    const weekday = weekdayOfDay(day);
    if (weekday !== 0 && weekday !== 6) {
      throw new CalendarInvalidError(
        `${prefix}.workingDays[${index}]`,
        'a make-up working day must be a Saturday or Sunday (weekdays already are working days)',
        localDateOfDay(day),
      );
    }
    if (holidays.has(day)) {
      throw new CalendarInvalidError(
        `${prefix}.workingDays[${index}]`,
        'date is listed both as a holiday and as a working day',
        localDateOfDay(day),
      );
    }
  }
  if (entry.settings !== undefined && !isPlainObject(entry.settings)) {
    throw new CalendarInvalidError(`${prefix}.settings`, 'must be an object when present', entry.settings);
  }
  return {
    scope,
    year,
    prefix,
    layer: { holidays: new Set(holidays.keys()), workingDays: new Set(workingDays.keys()) },
  };
}

/** Validated dates as day index → position in the input list. */
function validateDates(list: unknown, field: string, year: number): Map<number, number> {
  if (!Array.isArray(list)) throw new CalendarInvalidError(field, 'must be an array of YYYY-MM-DD dates', list);
  const days = new Map<number, number>();
  list.forEach((value: unknown, index) => {
    const day = tryParseLocalDate(value);
    if (day === undefined) {
      throw new CalendarInvalidError(`${field}[${index}]`, 'must be a real date as YYYY-MM-DD', value);
    }
    if (yearOfDay(day) !== year) throw new CalendarInvalidError(`${field}[${index}]`, `date is outside ${year}`, value);
    if (days.has(day)) throw new CalendarInvalidError(`${field}[${index}]`, 'date listed twice', value);
    days.set(day, index);
  });
  return days;
}
