import { formatCompact, formatInZone, parseCompact } from '@hub/calendar';

/**
 * Dates of the national portal's vocabulary: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (UTC+07:00 all year: Vietnam has
 * no daylight saving time). Parsing is strict: exactly 14 digits naming a real calendar time; `dd/MM/yyyy HH:mm:ss`,
 * ISO strings and impossible dates (`20261332250000`) are refused. An empty optional date is `""` or `null`.
 */
export type ParsedDate = { ok: true; iso: string | null } | { ok: false };

/** Dates before this year are typing errors, not dossiers. */
const FIRST_YEAR = 1900;

/** `20260112093000` → `2026-01-12T09:30:00+07:00`; `""`/null/undefined → null; anything else → not ok. */
export function parseCompatDate(value: unknown): ParsedDate {
  if (value === undefined || value === null || value === '') return { ok: true, iso: null };
  if (typeof value !== 'string' || Number(value.slice(0, 4)) < FIRST_YEAR) return { ok: false };
  try {
    return { ok: true, iso: formatInZone(parseCompact(value)) };
  } catch {
    return { ok: false }; // parseCompact refuses anything but 14 digits naming a real time
  }
}

/** Any ISO instant → `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh; null → `""`. */
export function formatCompatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatCompact(new Date(ms));
}
