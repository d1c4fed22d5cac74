import fc from 'fast-check';
import { Client, types } from 'pg';
import { hubPgTypes, parseTimestamptz } from './pg-timestamptz';

type Parsed = Date | number | null;

// pg's default timestamptz parser is postgres-date; wrapped to see when the fast path hands a text over to it.
jest.mock('postgres-date', () => jest.fn(jest.requireActual<(text: string) => Parsed>('postgres-date')));
const pgDefault = types.getTypeParser(1184, 'text') as jest.MockedFunction<(text: string) => Parsed>;
const postgresDate = jest.requireActual<(text: string) => Parsed>('postgres-date');

/** Whether two parse results are the same: Dates of the same time value (NaN for both invalid), or the same value. */
function same(a: Parsed, b: Parsed): boolean {
  return a instanceof Date ? b instanceof Date && Object.is(a.getTime(), b.getTime()) : Object.is(a, b);
}

/** Whether parseTimestamptz(text) is what pg's default parser gives. */
function agrees(text: string): boolean {
  return same(parseTimestamptz(text), postgresDate(text));
}

/** Whether parseTimestamptz(text) takes the fast path (never calling postgres-date), gives a Date, and agrees with pg. */
function fastAgrees(text: string, instant?: number): boolean {
  pgDefault.mockClear();
  const fast = parseTimestamptz(text);
  const fastPath = pgDefault.mock.calls.length === 0 && fast instanceof Date;
  return fastPath && same(fast, postgresDate(text)) && (instant === undefined || fast.getTime() === instant);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const int = (min: number, max: number) => fc.integer({ min, max });

/** The fast shape with every field free to leave its range (both parsers roll it over in Date.UTC). */
const fastShape = fc
  .record({
    date: fc.tuple(int(1000, 9999), int(0, 19), int(0, 39)),
    time: fc.tuple(int(0, 29), int(0, 69), int(0, 69)),
    fraction: fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 3 }).map((d) => `${d}000`.slice(0, 6)),
      fc.constantFrom('0', '000000', '5', '999999', '000001'),
    ),
    offset: fc.tuple(fc.constantFrom('+', '-'), int(0, 15), int(0, 59), int(0, 59), int(1, 3)),
  })
  .map(({ date: [y, mo, d], time: [h, mi, s], fraction, offset: [sign, oh, om, os, parts] }) => {
    const zone = `${sign}${pad(oh)}${parts > 1 ? `:${pad(om)}` : ''}${parts > 2 ? `:${pad(os)}` : ''}`;
    return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}${fraction ? `.${fraction}` : ''}${zone}`;
  });

/** `ms` as PostgreSQL writes a timestamptz (ISO DateStyle) in a zone `offsetSeconds` east of UTC, plus microseconds. */
function pgText(ms: number, micros: number, offsetSeconds: number): string {
  const local = new Date(ms + offsetSeconds * 1000).toISOString();
  const fraction = `${local.slice(20, 23)}${pad(micros, 3)}`.replace(/0+$/, '');
  const abs = Math.abs(offsetSeconds);
  const [h, m, s] = [Math.floor(abs / 3600), Math.floor((abs % 3600) / 60), abs % 60];
  const zone = `${offsetSeconds < 0 ? '-' : '+'}${pad(h)}${m || s ? `:${pad(m)}` : ''}${s ? `:${pad(s)}` : ''}`;
  return `${local.slice(0, 10)} ${local.slice(11, 19)}${fraction ? `.${fraction}` : ''}${zone}`;
}

describe('parseTimestamptz', () => {
  it('reads the fast shape as pg does, fields out of range included, without pg', () => {
    fc.assert(fc.property(fastShape, (text) => fastAgrees(text)), { numRuns: 20_000 });
  });

  it('reads back the instant of every text PostgreSQL writes in years 1000–9999, in any zone', () => {
    const day = 86_400_000;
    const instant = int(Date.UTC(1000, 0, 1) + day, Date.UTC(10000, 0, 1) - day);
    const offset = fc.oneof(int(-15 * 60, 15 * 60).map((m) => m * 60), int(-(16 * 3600 - 1), 16 * 3600 - 1), fc.constant(0));
    fc.assert(
      fc.property(instant, int(0, 999), offset, (ms, micros, offsetSeconds) => {
        return fastAgrees(pgText(ms, micros, offsetSeconds), ms);
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the milliseconds of postgres-date’s arithmetic for every fraction of one to six digits', () => {
    // postgres-date: `ms = 1000 * parseFloat('.ddd')`, handed to Date.UTC (which truncates it). Its regular
    // expressions, run 1.1 million times here, would take seconds; the property tests run postgres-date itself.
    const base = Date.UTC(2026, 11, 5, 1, 1, 2);
    const differing: string[] = [];
    for (let digits = 1; digits <= 6; digits++) {
      for (let f = 0; f < 10 ** digits; f++) {
        const fraction = pad(f, digits);
        const time = parseTimestamptz(`2026-12-05 08:01:02.${fraction}+07`)?.valueOf();
        if (time !== Date.UTC(2026, 11, 5, 1, 1, 2, 1000 * parseFloat(`.${fraction}`)) || time - base !== Math.floor((f * 1000) / 10 ** digits)) differing.push(fraction);
      }
    }
    expect(differing).toEqual([]);
  });

  it('agrees with pg on a fast-shape text with a character replaced, inserted or deleted, or something after it', () => {
    const char = fc.oneof(fc.constantFrom(...'0123456789 -:.+TZBCaifny\t'), fc.string({ minLength: 1, maxLength: 1 }));
    const edit = fc.tuple(fc.constantFrom('replace', 'insert', 'delete'), fc.nat(), char);
    const mutated = fc.tuple(fastShape, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([text, edits]) =>
      edits.reduce((t, [kind, at, c]) => {
        const i = at % (t.length + 1);
        return kind === 'insert' ? t.slice(0, i) + c + t.slice(i) : t.slice(0, i) + (kind === 'replace' ? c : '') + t.slice(i + 1);
      }, text),
    );
    fc.assert(fc.property(mutated, (text) => agrees(text)), { numRuns: 20_000 });
    // A tail: postgres-date reads ' BC' and a last '+00' wherever they follow, so the fast path must end where it ends.
    const tail = fc.oneof(fc.constantFrom(' BC', '+00', '-00', 'Z', ':00', ':30', '0', '.5', ' '), fc.string({ unit: char, minLength: 1, maxLength: 4 }));
    fc.assert(fc.property(fastShape, tail, (text, more) => agrees(text + more)), { numRuns: 20_000 });
  });

  it('agrees with pg on arbitrary text', () => {
    const near = fc.string({ unit: fc.constantFrom(...'0123456789-: .+ZTBCinfty'), maxLength: 40 });
    for (const text of [fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), near]) {
      fc.assert(fc.property(text, (t) => agrees(t)), { numRuns: 20_000 });
    }
  });

  it('agrees with pg where the fast path leaves the text to it', () => {
    const examples: Array<[string, Parsed]> = [
      ['infinity', Infinity],
      ['-infinity', -Infinity],
      ['0001-01-01 00:00:00+00 BC', new Date('0000-01-01T00:00:00Z')],
      ['0099-06-01 12:00:00+00', new Date('0099-06-01T12:00:00Z')],
      ['10000-01-01 00:00:00+00', new Date('+010000-01-01T00:00:00Z')],
      ['2026-12-05 08:01:02.1234567+07', new Date(Date.UTC(2026, 11, 5, 1, 1, 2, 123))],
      ['2026-12-05 08:01:02Z', new Date(Date.UTC(2026, 11, 5, 8, 1, 2))],
      ['2026-12-05T08:01:02+00', null],
      ['', null],
      ['garbage', null],
    ];
    for (const [text, value] of examples) {
      pgDefault.mockClear();
      expect(parseTimestamptz(text)).toEqual(value);
      expect(pgDefault).toHaveBeenCalledWith(text);
      expect(agrees(text)).toBe(true);
    }
  });

  it('reads what PostgreSQL writes by the fast path', () => {
    expect(fastAgrees('2020-01-01 00:00:00+00', Date.UTC(2020, 0, 1))).toBe(true);
    expect(fastAgrees('1900-01-01 00:00:00+06:42:04', Date.UTC(1900, 0, 1) - (6 * 3600 + 42 * 60 + 4) * 1000)).toBe(true);
    expect(fastAgrees('2026-12-05 08:01:02.123456+07', Date.UTC(2026, 11, 5, 1, 1, 2, 123))).toBe(true);
    expect(fastAgrees('2026-12-05 08:01:02.5-03:30', Date.UTC(2026, 11, 5, 11, 31, 2, 500))).toBe(true);
    expect(parseTimestamptz('2026-12-05 08:01:02-00')).toBeInstanceOf(Date);
  });
});

describe('hubPgTypes', () => {
  it('gives parseTimestamptz for timestamptz text and pg’s own parsers for the rest', () => {
    expect(hubPgTypes.getTypeParser(1184)).toBe(parseTimestamptz);
    expect(hubPgTypes.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(hubPgTypes.getTypeParser(1184, 'binary')).toBe(types.getTypeParser(1184, 'binary'));
    for (const oid of [1114, 23, 3802]) {
      expect(hubPgTypes.getTypeParser(oid)).toBe(types.getTypeParser(oid));
      expect(hubPgTypes.getTypeParser(oid, 'text')).toBe(types.getTypeParser(oid, 'text'));
    }
  });

  it('is what a pg client given it reads with, leaving pg’s global parsers alone', () => {
    expect(new Client({ types: hubPgTypes }).getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(new Client().getTypeParser(1184, 'text')).toBe(pgDefault);
    expect(types.getTypeParser(1184, 'text')).toBe(pgDefault);
  });
});
