/**
 * Typed errors of the calendar library. Every error thrown on purpose by this library extends
 * {@link CalendarError}, so a service can map the whole family in one place:
 *
 * - {@link CalendarMissingError}: a computation needed a year whose national calendar is not loaded
 *   (the catalogue maps it to a 409 problem "calendar national/2027 missing"). Never guessed around.
 * - {@link CalendarInvalidError}: calendar DATA or settings are wrong (bad date, date outside its year,
 *   overlapping periods...). Raised by {@link WorkingCalendar.compose}; `field` points at the culprit.
 * - {@link CalendarArgumentError}: a CALLER passed a bad argument (amount 0, fractional amount, unknown
 *   unit, invalid Date, resumed before paused...). `argument` names the parameter.
 */
export abstract class CalendarError extends Error {
  protected constructor(
    /** Stable machine-readable code: `CALENDAR_MISSING`, `CALENDAR_INVALID` or `CALENDAR_ARGUMENT`. */
    readonly code: 'CALENDAR_MISSING' | 'CALENDAR_INVALID' | 'CALENDAR_ARGUMENT',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A computation reached a day of `year` but no calendar for `scope`/`year` is loaded. */
export class CalendarMissingError extends CalendarError {
  constructor(
    /** The calendar layer that is missing; only the national layer is mandatory, so this is `'national'`. */
    readonly scope: string,
    readonly year: number,
  ) {
    super('CALENDAR_MISSING', `calendar ${scope}/${year} missing`);
  }
}

/** The calendar data or settings handed to {@link WorkingCalendar.compose} are invalid. */
export class CalendarInvalidError extends CalendarError {
  constructor(
    /** Path of the offending input, e.g. `national/2026.holidays[3]` or `national/2026.settings.cutoffTime`. */
    readonly field: string,
    /** Human-readable reason, without the field. */
    readonly reason: string,
    /** The offending value, when there is one. */
    readonly value?: unknown,
  ) {
    super('CALENDAR_INVALID', `${field}: ${reason}${value === undefined ? '' : ` (got ${safeRender(value)})`}`);
  }
}

/** A caller passed an argument that the calendar cannot work with. */
export class CalendarArgumentError extends CalendarError {
  constructor(
    /** Name of the offending parameter, e.g. `amount`, `unit`, `resumedAt`. */
    readonly argument: string,
    readonly reason: string,
    readonly value?: unknown,
  ) {
    super('CALENDAR_ARGUMENT', `${argument}: ${reason}${value === undefined ? '' : ` (got ${safeRender(value)})`}`);
  }
}

function safeRender(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return String(value);
  }
}
