/**
 * Property-style tests: many random receipt times (seeded PRNG, reproducible) over the sample calendars,
 * checking invariants that pin every rule down, against small independent reference computations built
 * only on isWorkingDay and plain date arithmetic.
 */
import { SAMPLE_NATIONAL_CALENDARS } from './sample-calendars';
import { seededRandom } from './test-fixtures';
import { TIME_LIMIT_UNITS, TimeLimitUnit } from './types';
import { WorkingCalendar, classifyCompletion } from './working-calendar';
import { MS_PER_DAY, MS_PER_HOUR, formatInZone, localDateOf, zonedInstant } from './zone';

const cal = WorkingCalendar.compose(SAMPLE_NATIONAL_CALENDARS);
const rnd = seededRandom(20260112);
const FROM = zonedInstant('2025-01-01').getTime();
const TO = zonedInstant('2026-11-30').getTime();
const PERIODS: Array<[number, number]> = [
  [8, 12],
  [13, 17],
].map(([a, b]) => [a * MS_PER_HOUR, b * MS_PER_HOUR]);

function randomInstant(): Date {
  const ms = FROM + Math.floor(rnd() * (TO - FROM));
  // a third of the samples land on whole minutes / exact boundaries, where off-by-one errors hide
  const r = rnd();
  if (r < 0.2) return new Date(ms - (ms % 60_000));
  if (r < 0.33) {
    const day = localDateOf(new Date(ms));
    const times = ['00:00', '07:59', '08:00', '11:59', '12:00', '12:30', '13:00', '14:59', '15:00', '16:59', '17:00', '23:59'];
    return zonedInstant(day, times[Math.floor(rnd() * times.length)]);
  }
  return new Date(ms);
}

function localTod(d: Date): number {
  return (d.getTime() + 7 * MS_PER_HOUR) % MS_PER_DAY;
}

function addDays(localDate: string, n: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Reference: working time in [a, b) by stepping over local days, using only isWorkingDay. */
function referenceWorkingMs(a: Date, b: Date): number {
  let total = 0;
  for (let day = localDateOf(a); day <= localDateOf(b); day = addDays(day, 1)) {
    if (!cal.isWorkingDay(day)) continue;
    for (const [s, e] of PERIODS) {
      const ps = zonedInstant(day).getTime() + s;
      const pe = zonedInstant(day).getTime() + e;
      total += Math.max(0, Math.min(pe, b.getTime()) - Math.max(ps, a.getTime()));
    }
  }
  return total;
}

/** Reference effective receipt, written from the rule text. */
function referenceEffective(received: Date): Date {
  const day = localDateOf(received);
  const tod = localTod(received);
  if (cal.isWorkingDay(day) && tod < 15 * MS_PER_HOUR) {
    if (tod < 8 * MS_PER_HOUR) return zonedInstant(day, '08:00');
    if (tod >= 12 * MS_PER_HOUR && tod < 13 * MS_PER_HOUR) return zonedInstant(day, '13:00');
    return received;
  }
  let next = addDays(day, 1);
  while (!cal.isWorkingDay(next)) next = addDays(next, 1);
  return zonedInstant(next, '08:00');
}

describe('invariants over random receipts (seeded)', () => {
  const samples = Array.from({ length: 1500 }, () => randomInstant());

  it('effectiveReceipt matches the rule text, is inside a working period and idempotent', () => {
    for (const received of samples) {
      const eff = cal.effectiveReceipt(received);
      expect(formatInZone(eff)).toBe(formatInZone(referenceEffective(received)));
      expect(eff.getTime()).toBeGreaterThanOrEqual(received.getTime());
      expect(cal.isWorkingDay(localDateOf(eff))).toBe(true);
      const tod = localTod(eff);
      expect(PERIODS.some(([s, e]) => s <= tod && tod < e)).toBe(true);
      expect(tod).toBeLessThan(15 * MS_PER_HOUR);
      expect(cal.effectiveReceipt(eff).getTime()).toBe(eff.getTime());
    }
  });

  it('WORKING_DAY: due on a working day at 17:00, exactly N working days after d0', () => {
    for (const received of samples.slice(0, 600)) {
      const n = 1 + Math.floor(rnd() * 30);
      const { effectiveReceivedAt, dueAt } = cal.dueDate(received, n, 'WORKING_DAY');
      const dueDay = localDateOf(dueAt);
      expect(formatInZone(dueAt)).toBe(`${dueDay}T17:00:00+07:00`);
      expect(cal.isWorkingDay(dueDay)).toBe(true);
      expect(dueAt.getTime()).toBeGreaterThan(effectiveReceivedAt.getTime());
      let count = 0;
      for (let d = addDays(localDateOf(effectiveReceivedAt), 1); d <= dueDay; d = addDays(d, 1)) {
        if (cal.isWorkingDay(d)) count += 1;
      }
      expect(count).toBe(n);
    }
  });

  it('DAY: due at 17:00 on the first working day on or after d0 + N', () => {
    for (const received of samples.slice(0, 600)) {
      const n = 1 + Math.floor(rnd() * 60);
      const { effectiveReceivedAt, dueAt } = cal.dueDate(received, n, 'DAY');
      let expected = addDays(localDateOf(effectiveReceivedAt), n);
      while (!cal.isWorkingDay(expected)) expected = addDays(expected, 1);
      expect(formatInZone(dueAt)).toBe(`${expected}T17:00:00+07:00`);
    }
  });

  it('WORKING_HOUR: exactly N hours of working time, ending inside (start, end] of a period', () => {
    for (const received of samples.slice(0, 600)) {
      const n = 1 + Math.floor(rnd() * 60);
      const { effectiveReceivedAt, dueAt } = cal.dueDate(received, n, 'WORKING_HOUR');
      expect(referenceWorkingMs(effectiveReceivedAt, dueAt)).toBe(n * MS_PER_HOUR);
      expect(cal.pauseCoverage(effectiveReceivedAt, dueAt).workingMs).toBe(n * MS_PER_HOUR);
      expect(cal.isWorkingDay(localDateOf(dueAt))).toBe(true);
      const tod = localTod(dueAt);
      // (start, end]: the earliest instant reaching N hours, so 12:00 stays 12:00 and never becomes 13:00
      expect(PERIODS.some(([s, e]) => s < tod && tod <= e)).toBe(true);
    }
  });

  it('due dates are monotonic in the amount and never before the effective receipt', () => {
    for (const received of samples.slice(0, 150)) {
      for (const unit of TIME_LIMIT_UNITS) {
        let previous = -Infinity;
        for (let n = 1; n <= 15; n += 1) {
          const { effectiveReceivedAt, dueAt } = cal.dueDate(received, n, unit);
          expect(dueAt.getTime()).toBeGreaterThanOrEqual(effectiveReceivedAt.getTime());
          if (unit === 'DAY') expect(dueAt.getTime()).toBeGreaterThanOrEqual(previous);
          else expect(dueAt.getTime()).toBeGreaterThan(previous);
          previous = dueAt.getTime();
        }
      }
    }
  });

  it('a WORKING_DAY limit of N days is never shorter than N*8 working hours from the effective receipt', () => {
    for (const received of samples.slice(0, 300)) {
      const n = 1 + Math.floor(rnd() * 10);
      const byDays = cal.dueDate(received, n, 'WORKING_DAY').dueAt.getTime();
      const byHours = cal.dueDate(received, n * 8, 'WORKING_HOUR').dueAt.getTime();
      expect(byDays).toBeGreaterThanOrEqual(byHours);
    }
  });

  it('the due instant itself is ON_TIME, a millisecond later is LATE, the effective receipt is not LATE', () => {
    for (const received of samples.slice(0, 300)) {
      const unit: TimeLimitUnit = TIME_LIMIT_UNITS[Math.floor(rnd() * 3)];
      const { effectiveReceivedAt, dueAt } = cal.dueDate(received, 1 + Math.floor(rnd() * 10), unit);
      expect(classifyCompletion(dueAt, dueAt)).toBe('ON_TIME');
      expect(classifyCompletion(new Date(dueAt.getTime() + 1), dueAt)).toBe('LATE');
      expect(classifyCompletion(effectiveReceivedAt, dueAt)).not.toBe('LATE');
    }
  });
});

describe('pause invariants over random pauses (seeded)', () => {
  it('whole days = floor(working time / 8 h) with uniform days; shifts agree with coverage', () => {
    for (let i = 0; i < 800; i += 1) {
      const pausedAt = randomInstant();
      // pauses from a few minutes to ~3 weeks, a tenth of them of zero length
      const length = rnd() < 0.1 ? 0 : Math.floor(rnd() ** 2 * 21 * MS_PER_DAY);
      const resumedAt = new Date(pausedAt.getTime() + length);
      const { workingDays, workingMs } = cal.pauseCoverage(pausedAt, resumedAt);
      expect(workingMs).toBe(referenceWorkingMs(pausedAt, resumedAt));
      expect(workingDays).toBe(Math.floor(workingMs / (8 * MS_PER_HOUR)));

      const { dueAt } = cal.dueDate(randomInstant(), 1 + Math.floor(rnd() * 20), 'WORKING_DAY');
      const movedDays = cal.pauseShift(dueAt, pausedAt, resumedAt, 'WORKING_DAY');
      if (workingDays === 0) expect(movedDays.getTime()).toBe(dueAt.getTime());
      else expect(movedDays.getTime()).toBe(cal.addWorkingDays(dueAt, workingDays).getTime());

      const hourDue = cal.dueDate(randomInstant(), 1 + Math.floor(rnd() * 40), 'WORKING_HOUR').dueAt;
      const movedHours = cal.pauseShift(hourDue, pausedAt, resumedAt, 'WORKING_HOUR');
      expect(movedHours.getTime()).toBeGreaterThanOrEqual(hourDue.getTime());
      expect(referenceWorkingMs(hourDue, movedHours)).toBe(workingMs);
      if (workingMs === 0) expect(movedHours.getTime()).toBe(hourDue.getTime());
    }
  });

  it('splitting a pause in two never yields more whole days than the single pause', () => {
    for (let i = 0; i < 300; i += 1) {
      const a = randomInstant();
      const c = new Date(a.getTime() + Math.floor(rnd() * 10 * MS_PER_DAY));
      const b = new Date(a.getTime() + Math.floor(rnd() * (c.getTime() - a.getTime())));
      const whole = cal.pauseCoverage(a, c);
      const first = cal.pauseCoverage(a, b);
      const second = cal.pauseCoverage(b, c);
      expect(first.workingDays + second.workingDays).toBeLessThanOrEqual(whole.workingDays);
      expect(first.workingDays + second.workingDays).toBeGreaterThanOrEqual(whole.workingDays - 1);
      expect(first.workingMs + second.workingMs).toBe(whole.workingMs);
    }
  });
});
