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
  return d <= (mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]);
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
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
 * Allocates nothing.
 */
export function isIsoInstant(value: unknown): boolean {
  return scanIsoInstant(value) === undefined;
}

/**
 * The epoch milliseconds of an ISO-8601 instant with an offset, or why it is not one (see {@link scanIsoInstant}).
 * Not in the library's entry point; zone.spec.ts checks it against the regex it replaced.
 */
export function readIsoInstant(value: unknown): number | string {
  return scanIsoInstant(value) ?? scannedMs[0];
}

const NOT_AN_INSTANT = 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)';
const NOT_A_REAL_TIME = 'is not a real date and time';
const INVALID_OFFSET = 'has an invalid offset';

const DASH = 0x2d, DOT = 0x2e, COLON = 0x3a, PLUS = 0x2b, T = 0x54, Z = 0x5a;

/**
 * Where {@link scanIsoInstant} leaves the epoch milliseconds of the instant it accepts. Epoch milliseconds are not small
 * integers, so returning one from a function that is not inlined (scanIsoInstant is too big to be) boxes it in a new
 * heap number; written here, it is not. Read it right after the call: the next scan overwrites it.
 */
const scannedMs = new Float64Array(1);

/**
 * Why `value` is not an ISO-8601 instant with an offset (one of three constant reasons), or `undefined` when it is one,
 * its epoch milliseconds then in {@link scannedMs}.
 *
 * Accepts exactly what `/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/`
 * matches (ASCII digits only, `T` and `Z` upper case, nothing after the offset, not even a line break), then checks the
 * calendar, the clock (h ≤ 23, min ≤ 59, s ≤ 59) and the offset (≤ 23:59); a fraction is truncated to milliseconds.
 *
 * Hand-written, with `charCodeAt` and arithmetic, instead of matching that regex and calling `Date.UTC`:
 * {@link isIsoInstant} runs on every date of every record of a sync batch, where the match array and its ten capture
 * strings were ~3.2 % of all the bytes the dossier service allocated under the sync benchmark, and the parse ~2.5 % of
 * its CPU. This allocates nothing, whether the value is an instant or not. zone.spec.ts checks it against the regex
 * version on instant-shaped, mutated and arbitrary inputs.
 */
function scanIsoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return NOT_AN_INSTANT;
  const n = value.length;
  // `YYYY-MM-DDTHH:MM` then at least `Z`
  if (n < 17) return NOT_AN_INSTANT;
  const yHigh = twoDigits(value, 0);
  const yLow = twoDigits(value, 2);
  const mo = twoDigits(value, 5);
  const d = twoDigits(value, 8);
  const h = twoDigits(value, 11);
  const mi = twoDigits(value, 14);
  if (
    (yHigh | yLow | mo | d | h | mi) < 0 ||
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    value.charCodeAt(10) !== T ||
    value.charCodeAt(13) !== COLON
  ) {
    return NOT_AN_INSTANT;
  }
  let i = 16;
  let c = value.charCodeAt(i);
  let s = 0;
  let ms = 0;
  if (c === COLON) {
    s = twoDigits(value, 17);
    if (s < 0) return NOT_AN_INSTANT;
    i = 19;
    c = value.charCodeAt(i);
    if (c === DOT) {
      const start = (i += 1);
      // 1 to 9 digits; only the first three count (milliseconds, truncated)
      for (let digit = value.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = value.charCodeAt(i) - 48) {
        const k = i - start;
        if (k === 0) ms = digit * 100;
        else if (k === 1) ms += digit * 10;
        else if (k === 2) ms += digit;
        else if (k === 9) return NOT_AN_INSTANT;
        i += 1;
      }
      if (i === start) return NOT_AN_INSTANT;
      c = value.charCodeAt(i);
    }
  }
  let oh = 0;
  let om = 0;
  if (c === Z) {
    if (i + 1 !== n) return NOT_AN_INSTANT;
  } else if (c === PLUS || c === DASH) {
    if (i + 6 !== n) return NOT_AN_INSTANT;
    oh = twoDigits(value, i + 1);
    om = twoDigits(value, i + 4);
    if ((oh | om) < 0 || value.charCodeAt(i + 3) !== COLON) return NOT_AN_INSTANT;
  } else {
    return NOT_AN_INSTANT;
  }
  const y = yHigh * 100 + yLow;
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return NOT_A_REAL_TIME;
  if (oh > 23 || om > 59) return INVALID_OFFSET;
  const offsetMs = (c === DASH ? -1 : 1) * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  scannedMs[0] = daysSinceEpoch(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000 + ms - offsetMs;
  return undefined;
}

/** The number written by the two ASCII digits at `i` and `i + 1` of `s`, or -1 when either is not one (or is past the end). */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  // NaN (past the end) fails every comparison
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Leap days in the years 1 … 1969: 492 - 19 + 4. */
const LEAP_DAYS_BEFORE_1970 = 477;

/**
 * Days from 1970-01-01 to a real date (y ≥ 100, see {@link isRealDate}): `Date.UTC(y, mo - 1, d) / MS_PER_DAY`, without
 * the call (a C++ builtin, whose result is a new heap number).
 */
function daysSinceEpoch(y: number, mo: number, d: number): number {
  const p = y - 1;
  const leapDaysBefore = Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400) - LEAP_DAYS_BEFORE_1970;
  return (y - 1970) * 365 + leapDaysBefore + DAYS_BEFORE_MONTH[mo - 1] + (mo > 2 && isLeapYear(y) ? 1 : 0) + d - 1;
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
