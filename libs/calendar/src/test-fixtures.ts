/**
 * Fixed calendars for the unit tests of this library (not exported from the entry point). They are copied
 * on purpose instead of reusing SAMPLE_NATIONAL_CALENDARS, so that replacing the sample data with the
 * official dates never changes what the rule tests assert.
 *
 * January 2026: Thu 1 and Fri 2 off, Sat 10 a make-up working day. February 2026: Tết Mon 16 – Fri 20.
 * April/May 2026: Sun 26 (Hùng Kings) + Mon 27 compensatory, Thu 30/4, Fri 1/5 off. September 2026: Tue 1, Wed 2.
 */
import type { CalendarYear } from './types';

export const FIXTURE_2025: CalendarYear = {
  scope: 'national',
  year: 2025,
  holidays: [
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  workingDays: ['2025-04-26'],
};

export const FIXTURE_2026: CalendarYear = {
  scope: 'national',
  year: 2026,
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-26',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ],
  workingDays: ['2026-01-10'],
};

/** An ISO-8601 string with offset → Date; tests write instants in local time with `+07:00`. */
export function at(iso: string): Date {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) throw new Error(`test instant without offset: ${iso}`);
  return new Date(iso);
}

/** Deterministic PRNG (mulberry32) for property-style tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
