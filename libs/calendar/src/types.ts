import { TIME_ZONE } from './zone';

/**
 * Unit of a procedure's time limit:
 * - `WORKING_DAY`: ngày làm việc;
 * - `DAY`: ngày (calendar days);
 * - `WORKING_HOUR`: giờ làm việc.
 */
export type TimeLimitUnit = 'WORKING_DAY' | 'DAY' | 'WORKING_HOUR';

export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = Object.freeze(['WORKING_DAY', 'DAY', 'WORKING_HOUR'] as const);

export function isTimeLimitUnit(value: unknown): value is TimeLimitUnit {
  return typeof value === 'string' && (TIME_LIMIT_UNITS as readonly string[]).includes(value);
}

/** How a finished dossier compares with its (possibly extended) due date. */
export type CompletionClass = 'EARLY' | 'ON_TIME' | 'LATE';

/**
 * Office-hours settings, all wall-clock times in {@link CalendarSettings.timeZone}.
 *
 * Constraints (checked by `WorkingCalendar.compose`, violations raise `CalendarInvalidError`):
 * - every time is `HH:mm`, 00:00–23:59;
 * - `workingPeriods` is non-empty, each period has start < end, periods are sorted and do not overlap
 *   (touching, e.g. 12:00–12:00, is allowed);
 * - `cutoffTime` and `closingTime` each lie inside a period (start < t ≤ end), and cutoff ≤ closing.
 */
export interface CalendarSettings {
  /**
   * Always `Asia/Ho_Chi_Minh`. The library computes with the fixed offset +07:00 (no DST since 1975); the
   * name is kept so that the data says which zone is meant and any other value is rejected.
   */
  timeZone: typeof TIME_ZONE;
  /** Receipts at or after this time (on a working day) count as received on the next working day. */
  cutoffTime: string;
  /** Time of day at which day-based limits (WORKING_DAY, DAY) fall due. */
  closingTime: string;
  /** Working periods of a working day, as `[start, end)` pairs of `HH:mm`. */
  workingPeriods: Array<[string, string]>;
}

export const DEFAULT_CALENDAR_SETTINGS: Readonly<CalendarSettings> = Object.freeze({
  timeZone: TIME_ZONE,
  cutoffTime: '15:00',
  closingTime: '17:00',
  workingPeriods: Object.freeze([Object.freeze(['08:00', '12:00']), Object.freeze(['13:00', '17:00'])]) as unknown as Array<
    [string, string]
  >,
});

/**
 * One year of one calendar layer. This is DATA, edited every year by operators (Government Office for the
 * national layer, the agency itself for its closures); nothing in the library hard-codes a holiday.
 */
export interface CalendarYear {
  /** `'national'` for the national layer, otherwise the agency code owning the closures. */
  scope: string;
  /** Gregorian year, 1976 or later (the fixed +07:00 offset holds from then on). */
  year: number;
  /**
   * Days off (`YYYY-MM-DD`, inside `year`): public holidays, Tết, swapped days and, for an agency layer, the
   * agency's own closures. A holiday may fall on a weekend (it is then simply non-working anyway).
   */
  holidays: string[];
  /**
   * Make-up working days (`YYYY-MM-DD`, inside `year`) declared on a Saturday or Sunday. National layer
   * only: an agency layer can close days but not open them, so it must leave this empty.
   */
  workingDays: string[];
  /**
   * Office-hours overrides for this year. Effective settings of a day =
   * DEFAULT_CALENDAR_SETTINGS ← national year settings ← agency year settings (shallow merge per field).
   */
  settings?: Partial<CalendarSettings>;
}

/** Result of {@link WorkingCalendar.dueDate}. */
export interface DueDateResult {
  /**
   * When the clock starts: the receipt itself when it falls inside a working period before the cut-off, the
   * start of the next period later that day when it falls before/between periods (and before the cut-off),
   * otherwise the first period start of the next working day.
   */
  effectiveReceivedAt: Date;
  /** When the time limit expires. */
  dueAt: Date;
}

/** What a pause covered; see {@link WorkingCalendar.pauseCoverage}. */
export interface PauseCoverage {
  /** Whole working days covered (the shift applied to WORKING_DAY and DAY limits). */
  workingDays: number;
  /** Working time covered, in milliseconds (the shift applied to WORKING_HOUR limits). */
  workingMs: number;
}
