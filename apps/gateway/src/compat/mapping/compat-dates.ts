/**
 * Dates of the national portal's vocabulary: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (UTC+07:00 all year: Vietnam has
 * no daylight saving time). Parsing is strict: exactly 14 digits naming a real calendar time; `dd/MM/yyyy HH:mm:ss`,
 * ISO strings and impossible dates (`20261332250000`) are refused. An empty optional date is `""` or `null`.
 */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const OFFSET_MS = 7 * 3_600_000;

export type ParsedDate = { ok: true; iso: string | null } | { ok: false };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `20260112093000` → `2026-01-12T09:30:00+07:00`; `""`/null/undefined → null; anything else → not ok. */
export function parseCompatDate(value: unknown): ParsedDate {
  if (value === undefined || value === null || value === '') return { ok: true, iso: null };
  if (typeof value !== 'string') return { ok: false };
  const m = COMPACT.exec(value);
  if (!m) return { ok: false };
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return { ok: false };
  return { ok: true, iso: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00` };
}

/** Any ISO instant → `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh; null → `""`. */
export function formatCompatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}
