/**
 * The working calendar: the clock every due date of the hub runs on. Pure: no I/O, no global state, no
 * dependency beyond the standard library. The rules (hub rules of DOMAIN.md "Time limits and due dates")
 * are described with worked examples in libs/calendar/README.md; each public method documents its own.
 */
import { CalendarArgumentError, CalendarInvalidError, CalendarMissingError } from './errors';
import {
  CalendarSettings,
  CalendarYear,
  CompletionClass,
  DEFAULT_CALENDAR_SETTINGS,
  DueDateResult,
  PauseCoverage,
  TimeLimitUnit,
  isTimeLimitUnit,
} from './types';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  dayIndexOf,
  instantAt,
  instantMs,
  localDateOfDay,
  parseLocalDateArgument,
  timeOfDayOf,
  weekdayOfDay,
  yearOfDay,
} from './zone';
import { MAX_TIME_LIMIT_AMOUNT, NATIONAL_SCOPE, validateYear, type YearLayer } from './calendar-input';
import { mergeSettings, resolveSettings, type ResolvedSettings } from './calendar-settings';

export { MAX_CALENDAR_YEAR, MAX_TIME_LIMIT_AMOUNT, MIN_CALENDAR_YEAR, NATIONAL_SCOPE } from './calendar-input';

interface DayInfo {
  readonly working: boolean;
  readonly rs: ResolvedSettings;
}

/**
 * An immutable, validated working calendar: the national layer for one or more years plus, optionally, the
 * closures of one agency. Build it with {@link WorkingCalendar.compose}; all methods are pure functions of
 * the composed data and their arguments (instants in, instants out).
 */
export class WorkingCalendar {
  private constructor(
    private readonly national: ReadonlyMap<number, YearLayer>,
    private readonly agency: ReadonlyMap<number, YearLayer>,
    private readonly settingsByYear: ReadonlyMap<number, ResolvedSettings>,
    /** Agency code of the closure layer, when one was composed. */
    readonly agencyScope: string | undefined,
  ) {}

  /**
   * Builds a calendar from the national layer (one {@link CalendarYear} per year, scope `'national'`) and an
   * optional agency layer (closures of ONE agency, any scope other than `'national'`).
   *
   * A day is a working day when it is (Monday–Friday and not a national holiday) or a national make-up
   * working day, and it is not an agency closure. The national year of every day a computation touches
   * must be loaded, otherwise {@link CalendarMissingError}; an agency without an entry for a year simply has
   * no closures that year (agencies rarely declare any; requiring a record per agency per year would
   * block every agency that never closes).
   *
   * Throws {@link CalendarInvalidError} on: a non-object entry; wrong or mixed scopes; a year that is not an
   * integer in 1976..9999 or appears twice in a layer; a date that is not a real `YYYY-MM-DD`, lies outside
   * its year, is listed twice, or is both a holiday and a working day; a make-up working day on a weekday;
   * working days in an agency layer; unknown settings keys; a time zone other than Asia/Ho_Chi_Minh; a
   * malformed `HH:mm`; empty, reversed, unsorted or overlapping periods; a cut-off or closing time outside
   * the working periods; a cut-off after the closing time.
   */
  static compose(national: readonly CalendarYear[], agency: readonly CalendarYear[] = []): WorkingCalendar {
    if (!Array.isArray(national)) throw new CalendarInvalidError('national', 'must be an array of calendar years');
    if (!Array.isArray(agency)) throw new CalendarInvalidError('agency', 'must be an array of calendar years');

    const nationalLayers = new Map<number, YearLayer>();
    const nationalSettings = new Map<number, Readonly<CalendarSettings>>();
    national.forEach((entry, i) => {
      const v = validateYear(entry, `national[${i}]`, 'national');
      if (nationalLayers.has(v.year)) throw new CalendarInvalidError(`${v.prefix}`, 'year listed twice in the national layer');
      nationalLayers.set(v.year, v.layer);
      const merged = mergeSettings(DEFAULT_CALENDAR_SETTINGS, entry.settings, v.prefix);
      resolveSettings(merged, v.prefix); // validate the national settings on their own
      nationalSettings.set(v.year, merged);
    });

    const agencyLayers = new Map<number, YearLayer>();
    const agencySettings = new Map<number, Partial<CalendarSettings> | undefined>();
    let agencyScope: string | undefined;
    agency.forEach((entry, i) => {
      const v = validateYear(entry, `agency[${i}]`, 'agency');
      if (agencyScope === undefined) agencyScope = v.scope;
      else if (agencyScope !== v.scope) {
        const reason = `the agency layer must belong to one agency (${agencyScope})`;
        throw new CalendarInvalidError(`${v.prefix}.scope`, reason, v.scope);
      }
      if (agencyLayers.has(v.year)) throw new CalendarInvalidError(`${v.prefix}`, 'year listed twice in the agency layer');
      agencyLayers.set(v.year, v.layer);
      agencySettings.set(v.year, entry.settings);
    });

    const settingsByYear = new Map<number, ResolvedSettings>();
    for (const year of new Set([...nationalLayers.keys(), ...agencyLayers.keys()])) {
      let merged = nationalSettings.get(year) ?? DEFAULT_CALENDAR_SETTINGS;
      let prefix = `${NATIONAL_SCOPE}/${year}`;
      if (agencyLayers.has(year)) {
        prefix = `${agencyScope}/${year}`;
        merged = mergeSettings(merged, agencySettings.get(year), prefix);
      }
      settingsByYear.set(year, resolveSettings(merged, prefix));
    }
    return new WorkingCalendar(nationalLayers, agencyLayers, settingsByYear, agencyScope);
  }

  /** National years loaded, ascending. */
  get nationalYears(): number[] {
    return [...this.national.keys()].sort((a, b) => a - b);
  }

  /** Whether `localDate` (`YYYY-MM-DD`) is a working day. Throws {@link CalendarMissingError} for an unloaded year. */
  isWorkingDay(localDate: string): boolean {
    return this.dayInfo(parseLocalDateArgument(localDate)).working;
  }

  /** The first working day strictly after `localDate`. */
  nextWorkingDay(localDate: string): string {
    return localDateOfDay(this.nextWorkingDayIndex(parseLocalDateArgument(localDate)));
  }

  /** Effective settings of the year of `localDate` (defaults ← national year ← agency year). */
  settingsFor(localDate: string): CalendarSettings {
    const s = this.dayInfo(parseLocalDateArgument(localDate)).rs.settings;
    return { ...s, workingPeriods: s.workingPeriods.map(([a, b]) => [a, b]) };
  }

  /**
   * When the clock starts for a receipt at `receivedAt` (receipt cut-off, Decree 63/2024 Art. 7):
   * - on a working day, strictly before the cut-off (default 15:00):
   *   - inside a working period `[start, end)` → `receivedAt` itself (10:30 → 10:30);
   *   - before or between periods → the start of the next period that day (07:10 → 08:00, 12:30 → 13:00,
   *     and 12:00 exactly → 13:00, as periods are half-open);
   * - at or after the cut-off (15:00:00 sharp included), or on a non-working day → the start of the first
   *   working period of the next working day.
   * The result is always inside a working period of a working day, and `effectiveReceipt` is idempotent.
   */
  effectiveReceipt(receivedAt: Date): Date {
    return new Date(this.effectiveReceiptMs(instantMs(receivedAt, 'receivedAt')));
  }

  /**
   * Due date of a time limit of `amount` `unit`s for a receipt at `receivedAt`. `amount` must be a positive
   * integer (≤ {@link MAX_TIME_LIMIT_AMOUNT}); a half working day is expressed as 4 WORKING_HOUR by the
   * catalogue. With d0 = local day of the effective receipt (always a working day):
   * - `WORKING_DAY`: closing time (17:00) of the `amount`-th working day after d0 (d0 itself not counted);
   * - `DAY`: closing time of d0 + `amount` calendar days, or of the next working day if that one is not;
   * - `WORKING_HOUR`: the instant at which `amount` hours of working time have elapsed since the effective
   *   receipt, counting only inside working periods of working days. When the count completes exactly at the
   *   end of a period the due time is that end (12:00 stays 12:00, 17:00 stays 17:00), never the next start.
   */
  dueDate(receivedAt: Date, amount: number, unit: TimeLimitUnit): DueDateResult {
    const received = instantMs(receivedAt, 'receivedAt');
    assertUnit(unit);
    assertAmount(amount, 'amount');
    const effective = this.effectiveReceiptMs(received);
    const d0 = dayIndexOf(effective);
    let due: number;
    switch (unit) {
      case 'WORKING_DAY':
        due = this.closingOf(this.addWorkingDayIndex(d0, amount));
        break;
      case 'DAY':
        due = this.closingOf(this.workingDayOnOrAfter(d0 + amount));
        break;
      case 'WORKING_HOUR':
        due = this.addWorkingMs(effective, amount * MS_PER_HOUR);
        break;
    }
    return { effectiveReceivedAt: new Date(effective), dueAt: new Date(due) };
  }

  /**
   * What a pause from `pausedAt` to `resumedAt` (status 5/6 and back) covered.
   *
   * - `workingMs`: the working time inside `[pausedAt, resumedAt)`, i.e. the overlap with the working periods
   *   of working days, to the millisecond.
   * - `workingDays` ("whole working days covered"): picture a working clock that only runs inside working
   *   periods and advances by exactly 1 over the working time of each working day, proportionally (with
   *   08–12 + 13–17 periods: 10:00 is x.25, 12:00 and 13:00 are x.50, 17:00 of one working day and 08:00 of
   *   the next are the same reading). Then `workingDays = floor(clock(resumedAt) − clock(pausedAt))`.
   *   Equivalently: the largest k such that the same position k working days after `pausedAt` is not later
   *   than `resumedAt`. With uniform days this is `floor(workingMs / 8 h)`. Examples: Mon 10:00 → Wed 10:00
   *   covers 2; Mon 10:00 → Wed 09:59 covers 1; Mon 08:00 → Mon 17:00 covers 1; Fri 15:00 → Mon 09:00
   *   (weekend in between) covers 0; Sat → Sun covers 0; Tue 10:00 → Thu 10:00 with Wed a holiday covers 1.
   *   A partial day is never rounded up: the agency gets back only whole days.
   */
  pauseCoverage(pausedAt: Date, resumedAt: Date): PauseCoverage {
    const [from, to] = pauseBounds(pausedAt, resumedAt);
    return { workingDays: this.wholeWorkingDaysBetween(from, to), workingMs: this.workingMsBetween(from, to) };
  }

  /**
   * The due date after a pause, on return to processing (hub rule). For `WORKING_DAY` and `DAY` limits the
   * due date moves to the closing time of the k-th working day after its own day, k =
   * `pauseCoverage(...).workingDays`; for `WORKING_HOUR` limits it moves later by `workingMs` of working time
   * (counted like {@link dueDate} does, from `dueAt`). When the pause covered nothing (k = 0, resp. no working
   * time) the very same instant is returned: a pause over a weekend or a night moves nothing.
   */
  pauseShift(dueAt: Date, pausedAt: Date, resumedAt: Date, unit: TimeLimitUnit): Date {
    const due = instantMs(dueAt, 'dueAt');
    const [from, to] = pauseBounds(pausedAt, resumedAt);
    assertUnit(unit);
    if (unit === 'WORKING_HOUR') {
      const ms = this.workingMsBetween(from, to);
      return new Date(ms === 0 ? due : this.addWorkingMs(due, ms));
    }
    const k = this.wholeWorkingDaysBetween(from, to);
    return new Date(k === 0 ? due : this.closingOf(this.addWorkingDayIndex(dayIndexOf(due), k)));
  }

  /**
   * Closing time (17:00) of the `n`-th working day after the local day of `from` (that day not counted),
   * e.g. for a new appointment date after an apology (Form 04): due Mon 17:00 + 3 → Thu 17:00.
   * `n` must be a positive integer. The time of day of `from` is not kept: day-based due dates are always
   * at closing time.
   */
  addWorkingDays(from: Date, n: number): Date {
    const start = instantMs(from, 'from');
    assertAmount(n, 'n');
    return new Date(this.closingOf(this.addWorkingDayIndex(dayIndexOf(start), n)));
  }

  /** See {@link classifyCompletion}; needs no calendar data, only the time zone. */
  classifyCompletion(finishedAt: Date, dueAt: Date): CompletionClass {
    return classifyCompletion(finishedAt, dueAt);
  }

  // ---------------------------------------------------------------------------------------------------------
  // internals: day indexes and ms-since-epoch numbers

  private dayInfo(day: number): DayInfo {
    const year = yearOfDay(day);
    const nat = this.national.get(year);
    if (!nat) throw new CalendarMissingError(NATIONAL_SCOPE, year);
    const closures = this.agency.get(year);
    const weekday = weekdayOfDay(day);
    const baseWorking = (weekday >= 1 && weekday <= 5 && !nat.holidays.has(day)) || nat.workingDays.has(day);
    const working = baseWorking && !(closures?.holidays.has(day) ?? false);
    return { working, rs: this.settingsByYear.get(year) as ResolvedSettings };
  }

  private nextWorkingDayIndex(day: number): number {
    return this.workingDayOnOrAfter(day + 1);
  }

  /** Terminates: every loaded year is finite and the first unloaded year throws CalendarMissingError. */
  private workingDayOnOrAfter(day: number): number {
    let d = day;
    while (!this.dayInfo(d).working) d += 1;
    return d;
  }

  private addWorkingDayIndex(day: number, n: number): number {
    let d = day;
    for (let i = 0; i < n; i += 1) d = this.nextWorkingDayIndex(d);
    return d;
  }

  private closingOf(day: number): number {
    return instantAt(day, this.dayInfo(day).rs.closing);
  }

  private effectiveReceiptMs(received: number): number {
    const day = dayIndexOf(received);
    const tod = timeOfDayOf(received);
    const info = this.dayInfo(day);
    if (info.working && tod < info.rs.cutoff) {
      for (const [start, end] of info.rs.periods) {
        if (tod < start) return instantAt(day, start);
        if (tod < end) return received;
      }
    }
    const next = this.nextWorkingDayIndex(day);
    return instantAt(next, this.dayInfo(next).rs.periods[0][0]);
  }

  /** The instant at which `duration` ms of working time have elapsed from `start` (`start` if duration is 0). */
  private addWorkingMs(start: number, duration: number): number {
    let remaining = duration;
    if (remaining <= 0) return start;
    let day = dayIndexOf(start);
    let tod = timeOfDayOf(start);
    for (;;) {
      const info = this.dayInfo(day);
      if (info.working) {
        for (const [pStart, pEnd] of info.rs.periods) {
          const from = Math.max(pStart, tod);
          if (from >= pEnd) continue;
          const available = pEnd - from;
          if (remaining <= available) return instantAt(day, from + remaining);
          remaining -= available;
        }
      }
      day += 1;
      tod = 0;
    }
  }

  /** Working time inside `[from, to)`. */
  private workingMsBetween(from: number, to: number): number {
    const firstDay = dayIndexOf(from);
    const lastDay = dayIndexOf(to);
    let total = 0;
    for (let day = firstDay; day <= lastDay; day += 1) {
      const lo = day === firstDay ? timeOfDayOf(from) : 0;
      const hi = day === lastDay ? timeOfDayOf(to) : MS_PER_DAY;
      if (lo >= hi) continue;
      const info = this.dayInfo(day);
      if (info.working) total += overlap(info.rs.periods, lo, hi);
    }
    return total;
  }

  /** Working time of `day` elapsed before `tod`, and the day's total (0/1 on a non-working day). */
  private dayFraction(day: number, tod: number): [number, number] {
    const info = this.dayInfo(day);
    if (!info.working) return [0, 1];
    return [overlap(info.rs.periods, 0, tod), info.rs.dayMs];
  }

  /** floor(clock(to) − clock(from)) with the working clock of {@link pauseCoverage}; exact integer arithmetic. */
  private wholeWorkingDaysBetween(from: number, to: number): number {
    const firstDay = dayIndexOf(from);
    const lastDay = dayIndexOf(to);
    let whole = 0; // working days in [firstDay, lastDay)
    for (let day = firstDay; day < lastDay; day += 1) if (this.dayInfo(day).working) whole += 1;
    const [ea, la] = this.dayFraction(firstDay, timeOfDayOf(from));
    const [eb, lb] = this.dayFraction(lastDay, timeOfDayOf(to));
    // fraction difference eb/lb − ea/la lies in [−1, 1]; compare cross-products (all < 2^53) instead of floats.
    const diff = eb * la - ea * lb;
    const denominator = la * lb;
    if (diff >= denominator) return whole + 1;
    if (diff >= 0) return whole;
    return whole - 1;
  }
}

/**
 * Classifies a finished dossier against its (possibly extended) due date, in Asia/Ho_Chi_Minh:
 * - `LATE` (trễ hạn): `finishedAt` is after `dueAt` (even by a second);
 * - `EARLY` (trước hạn): `finishedAt` is on a local day before the local day of `dueAt`;
 * - `ON_TIME` (đúng hạn): otherwise, i.e. on the due date's day, not after `dueAt` (exactly `dueAt` included).
 */
export function classifyCompletion(finishedAt: Date, dueAt: Date): CompletionClass {
  const finished = instantMs(finishedAt, 'finishedAt');
  const due = instantMs(dueAt, 'dueAt');
  if (finished > due) return 'LATE';
  if (dayIndexOf(finished) < dayIndexOf(due)) return 'EARLY';
  return 'ON_TIME';
}

// -------------------------------------------------------------------------------------------------------------
// validation helpers

function assertUnit(unit: unknown): asserts unit is TimeLimitUnit {
  if (!isTimeLimitUnit(unit)) {
    throw new CalendarArgumentError('unit', 'must be one of WORKING_DAY, DAY, WORKING_HOUR', unit);
  }
}

function assertAmount(amount: unknown, argument: string): asserts amount is number {
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > MAX_TIME_LIMIT_AMOUNT) {
    throw new CalendarArgumentError(
      argument,
      `must be an integer from 1 to ${MAX_TIME_LIMIT_AMOUNT} (express half a working day as 4 WORKING_HOUR)`,
      amount,
    );
  }
}

function pauseBounds(pausedAt: Date, resumedAt: Date): [number, number] {
  const from = instantMs(pausedAt, 'pausedAt');
  const to = instantMs(resumedAt, 'resumedAt');
  if (to < from) throw new CalendarArgumentError('resumedAt', 'must not be before pausedAt', resumedAt);
  return [from, to];
}

function overlap(periods: ReadonlyArray<readonly [number, number]>, lo: number, hi: number): number {
  let total = 0;
  for (const [start, end] of periods) {
    const a = Math.max(start, lo);
    const b = Math.min(end, hi);
    if (b > a) total += b - a;
  }
  return total;
}
