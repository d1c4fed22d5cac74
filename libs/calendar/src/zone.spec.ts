import { CalendarArgumentError } from './errors';
import { seededRandom } from './test-fixtures';
import {
  MS_PER_DAY,
  formatCompact,
  formatInZone,
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
