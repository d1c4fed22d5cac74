import type { ValueTransformer } from 'typeorm';

/** The largest amount the hub accepts on one line or payment: 10^12 VND, far inside Number.MAX_SAFE_INTEGER. */
export const MAX_VND = 1_000_000_000_000;

/** PostgreSQL returns bigint as a string; amounts stay below 2^53, so a number is exact. */
export const bigintVnd: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

export function isWholeVnd(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_VND;
}

/**
 * A provider's amount: a number or a string of digits only (no sign, no decimals, no spaces, no exponent).
 * Anything else is undefined: never parsed loosely.
 */
export function parseProviderAmount(v: unknown): number | undefined {
  if (typeof v === 'number') return isWholeVnd(v) ? v : undefined;
  if (typeof v !== 'string' || !/^\d{1,13}$/.test(v)) return undefined;
  const n = Number(v);
  return isWholeVnd(n) ? n : undefined;
}
