import fc from 'fast-check';
import { validateSync } from 'class-validator';
import isISO8601 from 'validator/lib/isISO8601';
import { isIsoInstant } from '@hub/calendar';
import { fastValidInstance, hasFastValidation } from './fast-validation';
import { INSTANT_MESSAGE, IsInstant } from './is-instant';

/**
 * What IsInstant replaced: `@IsISO8601({ strict: true })`, with (in the dossier's request bodies) a pattern requiring a
 * time and an offset. Where a string has both, IsInstant accepts what the pair accepted, except `24:00` (the end of a
 * day, ISO 8601:2004, when written without seconds), which the hub's parser never read.
 */
const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const before = (s: string) => isISO8601(s, { strict: true }) && SHAPE.test(s) && !s.includes('T24:');

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Strings shaped like instants, with every field allowed out of its range, and some broken at one character. */
const nearInstant = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    two(14),
    two(33),
    two(26),
    two(61),
    fc.option(fc.tuple(two(61), fc.option(fc.stringMatching(/^\.\d{1,10}$/))), { nil: undefined }),
    fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two(25), two(61)).map(([s, h, m]) => `${s}${h}:${m}`)),
  )
  .map(([y, mo, d, h, mi, sec, offset]) => `${y}-${mo}-${d}T${h}:${mi}${sec ? `:${sec[0]}${sec[1] ?? ''}` : ''}${offset}`);
const broken = fc.tuple(nearInstant, fc.nat(), fc.constantFrom('', ' ', 'x', '0', ':', '-', 'T', 'Z', '+', '.')).map(([s, i, c]) => {
  const at = i % (s.length + 1);
  return s.slice(0, at) + c + s.slice(at + 1);
});

describe('IsInstant', () => {
  it.each([
    ['2026-01-12T09:30:00+07:00', true],
    ['2026-01-12T09:30+07:00', true],
    ['2026-01-12T09:30:00.123456789Z', true],
    ['2024-02-29T00:00:00Z', true],
    ['2026-01-12T24:00+07:00', false],
    ['2026-02-29T00:00:00Z', false],
    ['2100-02-29T00:00:00Z', false],
    ['2026-04-31T00:00:00Z', false],
    ['0099-01-01T00:00:00Z', false],
    ['0100-01-01T00:00:00Z', true],
    ['2026-13-01T00:00:00Z', false],
    ['2026-01-12T24:00:00+07:00', false],
    ['2026-01-12T23:60+07:00', false],
    ['2026-01-12T09:30:00', false],
    ['2026-01-12T09:30:00+24:00', false],
    ['2026-01-12 09:30:00+07:00', false],
    ['20260112T093000+0700', false],
  ])('%s → %s, as the two checks it replaced (but 24:00)', (value, expected) => {
    expect(isIsoInstant(value)).toBe(expected);
    expect(before(value)).toBe(expected);
  });

  it('accepts exactly what @IsISO8601({ strict: true }) with the offset pattern accepted, but 24:00', () => {
    fc.assert(fc.property(fc.oneof(nearInstant, broken), (s) => isIsoInstant(s) === before(s)), { numRuns: 20_000 });
  });

  it.each(['2026-01-12', '2026-01-12T09:30:00', '2026-01-12T09:30', '2026-W03', '2026-012'])(
    'refuses %s, which @IsISO8601({ strict: true }) alone took: no offset, no instant',
    (value) => {
      expect(isISO8601(value, { strict: true })).toBe(true);
      expect(isIsoInstant(value)).toBe(false);
    },
  );

  class Probe {
    @IsInstant() at!: unknown;
    @IsInstant({ each: true }) seen!: unknown[];
  }

  it('as a decorator, answers with its message, for one value and for each of a list', () => {
    const probe = Object.assign(new Probe(), { at: '2026-02-30T09:00:00+07:00', seen: ['2026-02-28T09:00:00Z', '2026-02-28'] });
    expect(validateSync(probe).map((e) => e.constraints)).toEqual([
      { isInstant: INSTANT_MESSAGE.replace('$property', 'at') },
      { isInstant: 'each value in ' + INSTANT_MESSAGE.replace('$property', 'seen') },
    ]);
    expect(validateSync(Object.assign(new Probe(), { at: '2026-02-28T09:00:00+07:00', seen: [] }))).toEqual([]);
  });

  it('takes the validation fast path, which accepts the valid and leaves the invalid to class-validator', () => {
    expect(hasFastValidation(Probe)).toBe(true);
    expect(fastValidInstance(Probe, { at: '2026-02-28T09:00:00+07:00', seen: ['2026-02-28T09:00:00Z'] }, 'forbid')).toBeInstanceOf(Probe);
    expect(fastValidInstance(Probe, { at: '2026-02-29T09:00:00+07:00', seen: [] }, 'forbid')).toBeUndefined();
    expect(fastValidInstance(Probe, { at: '2026-02-28T09:00:00+07:00', seen: ['2026-02-28'] }, 'forbid')).toBeUndefined();
  });
});
