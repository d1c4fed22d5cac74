import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '../errors/problem.exception';
import { flattenValidationErrors } from './flatten-validation-errors';
import { STRICT_VALIDATION } from './validation-options';
import { fastValidInstance, installValidationMetadataCache } from '@hub/contracts';

installValidationMetadataCache();

export type PayloadValidation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates input that does not come through the HTTP pipe (Kafka messages) with the same rules. */
export function validatePayload<T extends object>(cls: new () => T, plain: unknown): PayloadValidation<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: '', code: 'NOT_AN_OBJECT', message: 'payload must be a JSON object' }] };
  }
  // A valid payload is built and checked by the fast path (the same rules: fast-validation.ts); class-validator runs
  // for everything else and writes the errors.
  const fast = fastValidInstance(cls, plain, 'forbid');
  if (fast) return { ok: true, value: fast };
  let value: T;
  try {
    value = plainToInstance(cls, plain);
  } catch {
    // class-transformer reads an object's own `constructor` field as its class and throws (the HTTP pipe strips such keys first).
    return { ok: false, errors: [{ field: '', code: 'UNREADABLE_PAYLOAD', message: 'payload holds an object with a "constructor" field, which is not accepted' }] };
  }
  const errors = validateSync(value, STRICT_VALIDATION);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: flattenValidationErrors(errors) };
}
