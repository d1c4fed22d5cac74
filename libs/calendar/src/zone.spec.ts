import { CalendarArgumentError } from './errors';
import { seededRandom } from './test-fixtures';
import {
  MS_PER_DAY,
  formatCompact,
  formatInZone,
  isIsoInstant,
  localDateOf,
  parseCompact,
  parseIsoInstant,
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
