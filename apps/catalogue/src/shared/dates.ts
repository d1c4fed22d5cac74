import { formatInZone, localDateOf, parseIsoInstant, zonedInstant } from '@hub/calendar';
import { LOCAL_DATE_PATTERN } from '@hub/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

export { formatInZone, localDateOf };

/** Whether `value` is a real calendar day `YYYY-MM-DD` (not 2026-02-30). */
export function isRealLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !LOCAL_DATE_PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * An instant from either a day (`2026-01-01` = 00:00 that day in Asia/Ho_Chi_Minh) or an ISO-8601 date-time
 * with an explicit offset. Anything else (no offset, not a real date) → undefined: the hub never guesses a zone.
 */
export function parseInstantOrDate(value: string): Date | undefined {
  try {
    if (isRealLocalDate(value)) return zonedInstant(value, '00:00');
    return parseIsoInstant(value);
  } catch {
    return undefined;
  }
}

export function IsInstantOrDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstantOrDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseInstantOrDate(value) !== undefined,
        defaultMessage: () => '$property must be a date (YYYY-MM-DD, Asia/Ho_Chi_Minh) or an ISO-8601 date-time with an offset',
      },
    },
    options,
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !isRealLocalDate(value) && parseInstantOrDate(value) !== undefined,
        defaultMessage: () => '$property must be an ISO-8601 date-time with an offset, e.g. 2026-01-12T09:30:00+07:00',
      },
    },
    options,
  );
}

export function IsRealLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRealLocalDate',
      validator: {
        validate: (value: unknown) => isRealLocalDate(value),
        defaultMessage: () => '$property must be a real date as YYYY-MM-DD',
      },
    },
    options,
  );
}

/** `YYYY-MM-DD` + n days (n may be negative). */
export function addDays(localDate: string, n: number): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
