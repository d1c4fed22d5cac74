/** A month `YYYY-MM` or a year `YYYY`; months in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export type Period = { kind: 'month'; value: string; months: string[] } | { kind: 'year'; value: string; months: string[] };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;
const ZONE_OFFSET_MS = 7 * 3_600_000;

export function parsePeriod(value: string): Period | null {
  if (MONTH.test(value)) return { kind: 'month', value, months: [value] };
  const y = YEAR.exec(value);
  if (!y || Number(y[1]) < 1976) return null;
  return { kind: 'year', value, months: Array.from({ length: 12 }, (_, i) => `${y[1]}-${String(i + 1).padStart(2, '0')}`) };
}

/** The calendar month (`YYYY-MM`) an instant falls in, in Asia/Ho_Chi_Minh. */
export function monthOf(instant: Date): string {
  return new Date(instant.getTime() + ZONE_OFFSET_MS).toISOString().slice(0, 7);
}

/** Months from `from` to `to` inclusive (both `YYYY-MM`), or null when malformed, reversed, or longer than `max`. */
export function monthRange(from: string, to: string, max = 120): string[] | null {
  if (!MONTH.test(from) || !MONTH.test(to) || from > to) return null;
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (let month = from; month <= to; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(month);
    if (out.length > max) return null;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
