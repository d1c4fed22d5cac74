import { types, type CustomTypesConfig } from 'pg';

const TIMESTAMPTZ = 1184;

/** pg's own text parser for `timestamptz` (postgres-date), taken once: it reads whatever the fast path leaves. */
const pgTimestamptz: (text: string) => Date | number | null = types.getTypeParser(TIMESTAMPTZ, 'text');

const ZERO = 48;
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
/** Literals rather than `10 ** n`: exact doubles whatever the engine's `Math.pow` does. */
const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * A `timestamptz` column's text as pg's default parser (postgres-date) reads it, the same value for every input, in
 * about a fifth of the time. Why: postgres-date runs several regular expressions, a `split` and `parseInt`s on every
 * value (~870 ns and a handful of allocations), and the hub reads thousands of instants per batch.
 *
 * The fast path takes exactly what PostgreSQL's ISO DateStyle writes for years 1000–9999,
 * `YYYY-MM-DD HH:MM:SS[.f{1,6}]±HH[:MM[:SS]]`, scanned by char code with no strings, arrays or matches made, only the
 * `Date`. Anything else (`infinity`, BC, years 0–999 or past 9999, `Z`, longer fractions, garbage) goes to
 * postgres-date itself. Fields are not range-checked, as postgres-date does not check them: both hand them to
 * `Date.UTC`, which rolls over the same way.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const time = scanTimestamptz(text);
  // NaN: not the fast shape. (A NaN the fast shape produced would fall back too, to the same Invalid Date.)
  return Number.isNaN(time) ? pgTimestamptz(text) : new Date(time);
}

/**
 * The time value of a fast-shape text, or NaN. A non-digit in a fixed-width field makes that field NaN, and NaN
 * carries through `Date.UTC` and the subtraction, so only the separators and the end need checks of their own.
 */
function scanTimestamptz(text: string): number {
  const year = twoDigitsAt(text, 0) * 100 + twoDigitsAt(text, 2);
  // First digit 1–9: postgres-date moves years 0–99 back out of Date.UTC's 1900s; the fallback keeps that.
  if (!(year >= 1000)) return NaN;
  if (text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS || text.charCodeAt(10) !== SPACE) return NaN;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return NaN;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === DOT) {
    const start = ++at;
    let fraction = 0;
    // Up to seven digits: a seventh sends the text to the fallback.
    for (let d = text.charCodeAt(at) - ZERO; d >= 0 && d <= 9 && at - start < 7; d = text.charCodeAt(++at) - ZERO) {
      fraction = fraction * 10 + d;
    }
    const count = at - start;
    if (count === 0 || count > 6) return NaN;
    // postgres-date: `1000 * parseFloat('.ddd')`, truncated by Date.UTC. `fraction / 10 ** count` is an exact
    // integer over an exact power of ten, correctly rounded by IEEE division; parseFloat's result is the same
    // rational correctly rounded; so both are the same double, and 1000 × it the same milliseconds once truncated
    // (the spec checks every fraction of 1–6 digits).
    ms = 1000 * (fraction / POWERS_OF_TEN[count]);
  }
  const offset = offsetAt(text, at);
  const month = twoDigitsAt(text, 5);
  const day = twoDigitsAt(text, 8);
  return Date.UTC(year, month - 1, day, twoDigitsAt(text, 11), twoDigitsAt(text, 14), twoDigitsAt(text, 17), ms) - offset;
}

/** The offset `±HH[:MM[:SS]]` at `at`, ending the text, in milliseconds east of UTC; NaN if it is not that. */
function offsetAt(text: string, at: number): number {
  const sign = text.charCodeAt(at);
  if (sign !== PLUS && sign !== MINUS) return NaN;
  let seconds = twoDigitsAt(text, at + 1) * 3600;
  at += 3;
  if (at < text.length) {
    if (text.charCodeAt(at) !== COLON) return NaN;
    seconds += twoDigitsAt(text, at + 1) * 60;
    at += 3;
  }
  if (at < text.length) {
    if (text.charCodeAt(at) !== COLON) return NaN;
    seconds += twoDigitsAt(text, at + 1);
    at += 3;
  }
  if (at !== text.length) return NaN;
  return (sign === MINUS ? -seconds : seconds) * 1000;
}

/** The two decimal digits at `at` as a number, or NaN if either is not a digit (or is past the end: NaN char code). */
function twoDigitsAt(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const ones = text.charCodeAt(at + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : NaN;
}

/**
 * The `types` the hub's pools give pg (`extra: { types: hubPgTypes }`; pg's Client wraps it as
 * `new TypeOverrides(config.types)`): `parseTimestamptz` for `timestamptz` text, pg's own parsers for everything else.
 * Scoped to our pools rather than set with pg's global `types.setTypeParser`, which every pg client in the process
 * shares — the benchmarks' raw baselines and tools included.
 */
export const hubPgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (text: string) => unknown {
    if (oid === TIMESTAMPTZ && (format === undefined || format === 'text')) return parseTimestamptz;
    return types.getTypeParser(oid, format);
  },
} satisfies CustomTypesConfig;
