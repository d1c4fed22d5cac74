/**
 * Time-zone arithmetic for Asia/Ho_Chi_Minh.
 *
 * Why a fixed offset: Vietnam has used UTC+07:00 all year round, without daylight saving, since the
 * country-wide unification of clocks on 13 June 1975. For every instant this hub can meet (calendar years
 * from 1976 on, which {@link WorkingCalendar.compose} enforces) the zone is therefore exactly
 * "UTC + 7 hours", and converting with a constant is both exact and independent of the ICU/tzdata build
 * of the Node runtime. The zone NAME stays in {@link CalendarSettings.timeZone} so data and logs say which
 * zone is meant, and so a future change (however unlikely) fails loudly at validation instead of silently.
 *
 * Internal vocabulary used across the library:
 * - a *day index* is the number of whole local days since 1970-01-01 (local), an integer;
 * - a *time of day* is milliseconds since local midnight (0 ≤ t < 86 400 000).
 */
import { CalendarArgumentError } from './errors';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh' as const;
/** The ISO-8601 offset of {@link TIME_ZONE}, as printed by {@link formatInZone}. */
export const ZONE_OFFSET = '+07:00' as const;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
const OFFSET_MS = 7 * MS_PER_HOUR;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Milliseconds of the instant, rejecting invalid dates. */
export function instantMs(d: Date, argument = 'date'): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new CalendarArgumentError(argument, 'must be a valid Date', d);
  return ms;
}

/** Local day index of an instant. */
export function dayIndexOf(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** Local time of day (ms since local midnight) of an instant. */
export function timeOfDayOf(ms: number): number {
  return ms + OFFSET_MS - dayIndexOf(ms) * MS_PER_DAY;
}

/** The instant at `timeOfDay` ms after local midnight of `day`. */
export function instantAt(day: number, timeOfDay: number): number {
  return day * MS_PER_DAY + timeOfDay - OFFSET_MS;
}

/** Gregorian year of a day index. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day of week of a day index: 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

/** `YYYY-MM-DD` of a day index. */
export function localDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Day index of a `YYYY-MM-DD` string, or `undefined` when it is not a real Gregorian date
 * (wrong shape, month 13, 2026-02-30...).
 */
export function tryParseLocalDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = LOCAL_DATE_RE.exec(value);
  return m ? dayIndexOfParts(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a year, month (1–12) and day of the month name a real date. Years 0–99 are refused: `Date.UTC` would read
 * them as 1900–1999, and no date this hub meets is that old.
 */
function isRealDate(y: number, mo: number, d: number): boolean {
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]);
}

/** Day index of a year, month (1–12) and day of the month, or `undefined` when they are not a real date. */
function dayIndexOfParts(y: number, mo: number, d: number): number | undefined {
  return isRealDate(y, mo, d) ? Date.UTC(y, mo - 1, d) / MS_PER_DAY : undefined;
}

/** Day index of a `YYYY-MM-DD` argument, throwing {@link CalendarArgumentError} when invalid. */
export function parseLocalDateArgument(value: string, argument = 'localDate'): number {
  const day = tryParseLocalDate(value);
  if (day === undefined) throw new CalendarArgumentError(argument, 'must be a real date as YYYY-MM-DD', value);
  return day;
}

/** Time of day in ms of an `HH:mm` string (00:00–23:59), or `undefined` when malformed. */
export function tryParseTimeOfDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = HHMM_RE.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * MS_PER_HOUR + Number(m[2]) * MS_PER_MINUTE;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function localParts(d: Date, argument: string) {
  const shifted = new Date(instantMs(d, argument) + OFFSET_MS);
  return {
    y: shifted.getUTCFullYear(),
    mo: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    h: shifted.getUTCHours(),
    mi: shifted.getUTCMinutes(),
    s: shifted.getUTCSeconds(),
    ms: shifted.getUTCMilliseconds(),
  };
}

/**
 * ISO-8601 rendering of an instant in Asia/Ho_Chi_Minh, e.g. `2026-01-12T17:00:00+07:00`.
 * Milliseconds are printed (`.SSS`) only when they are not zero.
 */
export function formatInZone(d: Date): string {
  const p = localParts(d, 'date');
  const frac = p.ms === 0 ? '' : `.${pad(p.ms, 3)}`;
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${frac}${ZONE_OFFSET}`;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in Asia/Ho_Chi_Minh. */
export function localDateOf(d: Date): string {
  return localDateOfDay(dayIndexOf(instantMs(d)));
}

/**
 * The instant of a local wall-clock time in Asia/Ho_Chi_Minh, e.g.
 * `zonedInstant('2026-01-12', '17:00')` → 2026-01-12T10:00:00Z. `time` is `HH:mm` or `HH:mm:ss`.
 */
export function zonedInstant(localDate: string, time = '00:00'): Date {
  const day = parseLocalDateArgument(localDate);
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(time);
  if (!m) throw new CalendarArgumentError('time', 'must be HH:mm or HH:mm:ss', time);
  const tod = Number(m[1]) * MS_PER_HOUR + Number(m[2]) * MS_PER_MINUTE + Number(m[3] ?? 0) * 1000;
  return new Date(instantAt(day, tod));
}

const ISO_INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO-8601 instant that carries an explicit offset (`Z` or `±HH:MM`), e.g.
 * `2026-01-12T17:00:00+07:00`. A string without an offset is rejected: a wall-clock time without a zone is
 * ambiguous, and this library never guesses. Fractions beyond milliseconds are truncated.
 */
export function parseIsoInstant(value: string): Date {
  const read = readIsoInstant(value);
  if (typeof read === 'string') throw new CalendarArgumentError('value', read, value);
  return new Date(read);
}

/**
 * Whether `value` is an instant {@link parseIsoInstant} accepts, without building an error for one it refuses:
 * for validating many values (a sync batch's dates), where most are valid and the reason is reported elsewhere.
 */
export function isIsoInstant(value: unknown): boolean {
  return typeof readIsoInstant(value) === 'number';
}

/**
 * The epoch milliseconds of an ISO-8601 instant with an offset, or why it is not one. Written for speed (a sync batch
 * checks thousands): numbers straight from the match, the calendar checked by arithmetic.
 */
function readIsoInstant(value: unknown): number | string {
  const m = typeof value === 'string' ? ISO_INSTANT_RE.exec(value) : null;
  if (!m) return 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)';
  const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5], s = m[6] === undefined ? 0 : +m[6];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return 'is not a real date and time';
  let offsetMs = 0;
  if (m[8] !== undefined) {
    const oh = +m[9], om = +m[10];
    if (oh > 23 || om > 59) return 'has an invalid offset';
    offsetMs = (m[8] === '-' ? -1 : 1) * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  const ms = m[7] === undefined ? 0 : +m[7].slice(0, 3).padEnd(3, '0');
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMs;
}

/**
 * `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh: the date format of the existing national-portal services
 * (`NgayTiepNhan`, `NgayHenTra`, ...). Milliseconds are dropped.
 */
export function formatCompact(d: Date): string {
  const p = localParts(d, 'date');
  return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}

/** Parses `yyyyMMddHHmmss` as a wall-clock time in Asia/Ho_Chi_Minh (see {@link formatCompact}). */
export function parseCompact(value: string): Date {
  const m = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!m) throw new CalendarArgumentError('value', 'must be yyyyMMddHHmmss', value);
  const day = dayIndexOfParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === undefined || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) {
    throw new CalendarArgumentError('value', 'is not a real date and time', value);
  }
  return new Date(
    instantAt(day, Number(m[4]) * MS_PER_HOUR + Number(m[5]) * MS_PER_MINUTE + Number(m[6]) * 1000),
  );
}
