import fc from 'fast-check';
import { CalendarArgumentError } from './errors';
import { seededRandom } from './test-fixtures';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  formatCompact,
  formatInZone,
  isIsoInstant,
  localDateOf,
  parseCompact,
  parseIsoInstant,
  readIsoInstant,
  tryParseLocalDate,
  tryParseTimeOfDay,
  zonedInstant,
} from './zone';

describe('formatInZone', () => {
  it('renders an instant in Asia/Ho_Chi_Minh with the +07:00 offset', () => {
    expect(formatInZone(new Date('2026-01-12T10:00:00Z'))).toBe('2026-01-12T17:00:00+07:00');
  });

  it('moves to the next local day after 17:00 UTC, including across a year boundary', () => {
    expect(formatInZone(new Date('2026-01-11T17:00:00Z'))).toBe('2026-01-12T00:00:00+07:00');
    expect(formatInZone(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31T23:59:59+07:00');
    expect(formatInZone(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01T00:00:00+07:00');
  });

  it('prints milliseconds only when they are not zero', () => {
    expect(formatInZone(new Date('2026-01-12T01:02:03.045Z'))).toBe('2026-01-12T08:02:03.045+07:00');
    expect(formatInZone(new Date('2026-01-12T01:02:03.000Z'))).toBe('2026-01-12T08:02:03+07:00');
  });

  it('round-trips through Date parsing', () => {
    const d = new Date('2026-07-31T23:30:15.5Z');
    expect(new Date(formatInZone(d)).getTime()).toBe(d.getTime());
  });

  it('rejects an invalid Date with a typed error', () => {
    expect(() => formatInZone(new Date('nope'))).toThrow(CalendarArgumentError);
  });

  it('agrees with the platform tz database for Asia/Ho_Chi_Minh (the fixed-offset assumption)', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const rnd = seededRandom(1975);
    const from = Date.UTC(1976, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 500; i += 1) {
      const d = new Date(Math.floor(from + rnd() * (to - from)));
      d.setUTCMilliseconds(0);
      const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
      expect(formatInZone(d)).toBe(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+07:00`);
    }
  });
});

describe('localDateOf / zonedInstant', () => {
  it('gives the local calendar date', () => {
    expect(localDateOf(new Date('2026-01-11T16:59:59Z'))).toBe('2026-01-11');
    expect(localDateOf(new Date('2026-01-11T17:00:00Z'))).toBe('2026-01-12');
  });

  it('builds the instant of a local wall-clock time', () => {
    expect(zonedInstant('2026-01-12', '17:00').toISOString()).toBe('2026-01-12T10:00:00.000Z');
    expect(zonedInstant('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(zonedInstant('2026-01-12', '14:59:59').toISOString()).toBe('2026-01-12T07:59:59.000Z');
  });

  it('rejects bad dates and times', () => {
    expect(() => zonedInstant('2026-02-30', '10:00')).toThrow(CalendarArgumentError);
    expect(() => zonedInstant('2026-01-12', '24:00')).toThrow(CalendarArgumentError);
    expect(() => zonedInstant('2026-01-12', '9:00')).toThrow(CalendarArgumentError);
  });
});

describe('parseIsoInstant', () => {
  it('accepts Z and explicit offsets', () => {
    expect(parseIsoInstant('2026-01-12T17:00:00+07:00').toISOString()).toBe('2026-01-12T10:00:00.000Z');
    expect(parseIsoInstant('2026-01-12T10:00:00Z').toISOString()).toBe('2026-01-12T10:00:00.000Z');
    expect(parseIsoInstant('2026-01-12T05:00:00-05:00').toISOString()).toBe('2026-01-12T10:00:00.000Z');
    expect(parseIsoInstant('2026-01-12T17:00+07:00').toISOString()).toBe('2026-01-12T10:00:00.000Z');
    expect(parseIsoInstant('2026-01-12T17:00:00.123456+07:00').toISOString()).toBe('2026-01-12T10:00:00.123Z');
  });

  it('rejects a wall-clock time without offset (ambiguous) and impossible values', () => {
    for (const bad of [
      '2026-01-12T17:00:00',
      '2026-01-12',
      '2026-02-30T10:00:00Z',
      '2026-01-12T24:00:00Z',
      '2026-01-12T10:60:00Z',
      '2026-01-12T10:00:00+25:00',
      '',
    ]) {
      expect(() => parseIsoInstant(bad)).toThrow(CalendarArgumentError);
    }
  });

  it('round-trips formatInZone', () => {
    const d = new Date('2026-09-02T01:02:03.004Z');
    expect(parseIsoInstant(formatInZone(d)).getTime()).toBe(d.getTime());
  });
});

describe('isIsoInstant', () => {
  const two = (rnd: () => number, max: number) => String(Math.floor(rnd() * (max + 1))).padStart(2, '0');
  /** Instant-shaped strings with every field allowed out of its range, some broken at one character. */
  function nearInstant(rnd: () => number): string {
    const y = String(Math.floor(rnd() * 10_000)).padStart(4, '0');
    const sec = rnd() < 0.8 ? `:${two(rnd, 61)}${rnd() < 0.4 ? `.${String(rnd()).slice(2, 3 + Math.floor(rnd() * 10))}` : ''}` : '';
    const offset = rnd() < 0.3 ? 'Z' : `${rnd() < 0.5 ? '+' : '-'}${two(rnd, 25)}:${two(rnd, 61)}`;
    const s = `${y}-${two(rnd, 13)}-${two(rnd, 32)}T${two(rnd, 25)}:${two(rnd, 61)}${sec}${offset}`;
    if (rnd() < 0.8) return s;
    const at = Math.floor(rnd() * (s.length + 1));
    return s.slice(0, at) + ' x0:-TZ+.'[Math.floor(rnd() * 9)] + s.slice(at + 1);
  }

  it.each([
    ['2026-01-12T09:30:00+07:00', true],
    ['2026-01-12T09:30+07:00', true],
    ['2026-01-12T09:30:00.123456789Z', true],
    ['2024-02-29T00:00:00Z', true],
    ['0100-01-01T00:00:00Z', true],
    ['2026-01-12T10:00:00-23:59', true],
    ['2026-02-29T00:00:00Z', false],
    ['2100-02-29T00:00:00Z', false],
    ['0099-01-01T00:00:00Z', false],
    ['2026-01-12T24:00+07:00', false],
    ['2026-01-12T09:30:00', false],
    ['2026-01-12T09:30:00+24:00', false],
    ['2026-01-12 09:30:00+07:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoInstant(value)).toBe(expected);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 20260112, new Date(), { toString: () => '2026-01-12T09:30:00Z' }]) {
      expect(isIsoInstant(value)).toBe(false);
    }
  });

  it('accepts exactly what parseIsoInstant accepts, and those the platform reads as the same instant', () => {
    const rnd = seededRandom(2026_12_03);
    let accepted = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const s = nearInstant(rnd);
      let parsed: Date | undefined;
      try {
        parsed = parseIsoInstant(s);
      } catch (e) {
        expect(e).toBeInstanceOf(CalendarArgumentError);
      }
      expect([s, isIsoInstant(s)]).toEqual([s, parsed !== undefined]);
      if (parsed !== undefined) {
        accepted += 1;
        // V8 reads ISO strings leniently (30 February is 2 March), so only the value of an accepted one is compared.
        expect([s, parsed.getTime()]).toEqual([s, Date.parse(s.replace(/(\.\d{3})\d+/, '$1'))]);
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });
});

describe('readIsoInstant (hand-written scanner) against the regex it replaced', () => {
  /**
   * The reference: readIsoInstant as it was until it was hand-written to allocate nothing (the regex, then Date.UTC),
   * with the calendar checked by a round trip through Date instead of zone.ts's isRealDate.
   */
  const ISO_INSTANT_RE =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
  /** Years 0–99 are refused, as by zone.ts (Date.UTC would read them as 1900–1999). */
  const isRealDate = (y: number, mo: number, d: number) => {
    const t = new Date(Date.UTC(y, mo - 1, d));
    return y >= 100 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  };
  function referenceReadIsoInstant(value: unknown): number | string {
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
   * Same result as the reference through all three entry points (for a refusal, parseIsoInstant's error and message).
   * Compared without expect() on the way of a match (tens of thousands of runs); a mismatch is shown by one toEqual.
   */
  function agrees(value: unknown): boolean {
    const expected = referenceReadIsoInstant(value);
    const actual = readIsoInstant(value);
    let parsed: unknown;
    if (typeof value === 'string') {
      try {
        parsed = parseIsoInstant(value).getTime();
      } catch (e) {
        parsed = e instanceof CalendarArgumentError ? e.message : e;
      }
    }
    const want = {
      value,
      read: expected,
      is: typeof expected === 'number',
      parsed:
        typeof value !== 'string' || typeof expected === 'number'
          ? expected
          : new CalendarArgumentError('value', expected, value).message,
    };
    const got = { value, read: actual, is: isIsoInstant(value), parsed: typeof value === 'string' ? parsed : actual };
    const same = Object.is(got.read, want.read) && got.is === want.is && Object.is(got.parsed, want.parsed);
    if (!same) expect(got).toEqual(want);
    return same;
  }

  /** Two digits: mostly within 0 … max, sometimes max + 1 (just out of range), sometimes anything up to 99. */
  const two = (max: number) =>
    fc
      .oneof(
        { arbitrary: fc.integer({ min: 0, max }), weight: 6 },
        { arbitrary: fc.constant(max + 1), weight: 1 },
        { arbitrary: fc.integer({ min: 0, max: 99 }), weight: 1 },
      )
      .map((n) => String(n).padStart(2, '0'));
  const year = fc
    .oneof(fc.constantFrom(0, 99, 100, 1900, 1970, 2000, 2024, 2025, 2026, 2100, 9999), fc.integer({ min: 0, max: 9999 }))
    .map((n) => String(n).padStart(4, '0'));
  /** Instant-shaped strings: fields in and just out of range, 0–10 fraction digits, Z / +HH:MM / -HH:MM, ±seconds. */
  const nearInstant = fc
    .tuple(
      year,
      two(12),
      fc.oneof(two(31), fc.constantFrom('28', '29', '30', '31')),
      two(23),
      two(59),
      fc.option(fc.tuple(two(59), fc.option(fc.stringMatching(/^\d{0,10}$/).map((f) => `.${f}`))), { nil: undefined }),
      fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two(23), two(59)).map(([c, h, m]) => `${c}${h}:${m}`)),
    )
    .map(
      ([y, mo, d, h, mi, sec, offset]) =>
        `${y}-${mo}-${d}T${h}:${mi}${sec ? `:${sec[0]}${sec[1] ?? ''}` : ''}${offset}`,
    );
  /** One character: ASCII around the syntax, other Unicode digits, line breaks, surrogates, anything. */
  const char = fc.oneof(
    fc.constantFrom(...'0123456789/:-T.Z+tz ', '\n', '\r', '\u2028', '\0', '٣', '３', '۵', '𝟘', '\uD835', '−', '－'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  type Mutation = (s: string) => string;
  /** The string cut at a position, any from 0 to its length, picked by `i`. */
  const cut = (s: string, i: number): [string, string] => [s.slice(0, i % (s.length + 1)), s.slice(i % (s.length + 1))];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    // replaced, inserted, deleted, truncated
    fc.tuple(fc.nat(), char).map(([i, c]): Mutation => (s) => ((a, b) => a + c + b.slice(1))(...cut(s, i))),
    fc.tuple(fc.nat(), char).map(([i, c]): Mutation => (s) => ((a, b) => a + c + b)(...cut(s, i))),
    fc.nat().map((i): Mutation => (s) => ((a, b) => a + b.slice(1))(...cut(s, i))),
    fc.nat().map((i): Mutation => (s) => cut(s, i)[0]),
    fc.constantFrom<Mutation>((s) => `${s}\n`, (s) => `${s} `, (s) => ` ${s}`, (s) => `${s}Z`, (s) => `${s}0`, (s) => `\n${s}`),
  );
  const mutated = fc
    .tuple(nearInstant, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([s, ms]) => ms.reduce((acc, m) => m(acc), s));

  it.each([
    ['2026-01-12T17:00:00+07:00', Date.UTC(2026, 0, 12, 10)],
    ['2026-01-12T17:00+07:00', Date.UTC(2026, 0, 12, 10)],
    ['2026-01-12T10:00:00.1Z', Date.UTC(2026, 0, 12, 10, 0, 0, 100)],
    ['2026-01-12T10:00:00.12Z', Date.UTC(2026, 0, 12, 10, 0, 0, 120)],
    ['2026-01-12T10:00:00.123Z', Date.UTC(2026, 0, 12, 10, 0, 0, 123)],
    ['2026-01-12T10:00:00.123999999Z', Date.UTC(2026, 0, 12, 10, 0, 0, 123)],
    ['2026-01-12T10:00:00.1239999999Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00:00.Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00.123Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00:00-00:00', Date.UTC(2026, 0, 12, 10)],
    ['2026-01-12T00:00:00-23:59', Date.UTC(2026, 0, 12, 23, 59)],
    ['9999-12-31T23:59:59.999Z', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
    ['2026-01-12T10:00:00Z\n', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00:00+07:00 ', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00:00z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12t10:00:00Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-1٣T10:00:00Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-1３T10:00:00Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00:00+0700', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00:00+07', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-01-12T10:00Z', Date.UTC(2026, 0, 12, 10)],
    ['2026-01-12T10Z', 'must be an ISO-8601 instant with an offset (Z or ±HH:MM)'],
    ['2026-02-29T10:00:00+24:00', 'is not a real date and time'],
    ['2026-01-12T10:00:60+07:00', 'is not a real date and time'],
    ['2026-01-12T10:00:00+07:60', 'has an invalid offset'],
    ['2026-01-12T10:00:00-24:00', 'has an invalid offset'],
  ])('%s → %s', (value, expected) => {
    expect(readIsoInstant(value)).toBe(expected);
    agrees(value);
  });

  it('counts days as Date.UTC does, on every day of two 400-year cycles and of the first and last years', () => {
    const time = 45_296_789; // 12:34:56.789
    for (const [from, to] of [
      [100, 104],
      [1600, 2400],
      [9995, 9999],
    ]) {
      for (let t = Date.UTC(from, 0, 1) + time; t < Date.UTC(to + 1, 0, 1); t += MS_PER_DAY) {
        const iso = new Date(t).toISOString();
        if (readIsoInstant(iso) !== t) expect([iso, readIsoInstant(iso)]).toEqual([iso, t]);
      }
    }
  });

  it('agrees on instant-shaped strings, fields in and out of range', () => {
    fc.assert(fc.property(nearInstant, agrees), { numRuns: 20_000 });
  });

  it('agrees on instant-shaped strings with characters replaced, inserted, deleted, cut or appended', () => {
    fc.assert(fc.property(mutated, agrees), { numRuns: 20_000 });
  });

  it('agrees on arbitrary strings and on what is not a string', () => {
    const syntax = fc.string({ unit: fc.constantFrom(...'0123456789-:T.Z+'), maxLength: 30 });
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), syntax, fc.anything()), agrees), {
      numRuns: 5_000,
    });
  });
});

describe('compact yyyyMMddHHmmss (national-portal services)', () => {
  it('formats and parses in local time', () => {
    const d = parseIsoInstant('2026-01-12T08:05:09+07:00');
    expect(formatCompact(d)).toBe('20260112080509');
    expect(parseCompact('20260112080509').getTime()).toBe(d.getTime());
  });

  it('rejects malformed or impossible values', () => {
    expect(() => parseCompact('2026011208050')).toThrow(CalendarArgumentError);
    expect(() => parseCompact('20260230080509')).toThrow(CalendarArgumentError);
    expect(() => parseCompact('20260112250509')).toThrow(CalendarArgumentError);
  });
});

describe('low-level parsers', () => {
  it('parses real dates only', () => {
    expect(tryParseLocalDate('2026-01-12')).toBe(Date.UTC(2026, 0, 12) / MS_PER_DAY);
    expect(tryParseLocalDate('2024-02-29')).toBeDefined();
    for (const bad of ['2025-02-29', '2026-13-01', '2026-00-10', '2026-1-12', '26-01-12', '0050-01-01', 20260112, null]) {
      expect(tryParseLocalDate(bad)).toBeUndefined();
    }
  });

  it('parses HH:mm from 00:00 to 23:59', () => {
    expect(tryParseTimeOfDay('00:00')).toBe(0);
    expect(tryParseTimeOfDay('23:59')).toBe((23 * 60 + 59) * 60_000);
    for (const bad of ['24:00', '8:00', '08:60', '08:00:00', '', 800]) expect(tryParseTimeOfDay(bad)).toBeUndefined();
  });
});
