import type { FieldError } from '../errors/problem.exception';
import { flattenValidationErrors } from './flatten-validation-errors';
import { installValidationMetadataCache, validatedInstance } from '@hub/contracts';

installValidationMetadataCache();

export type PayloadValidation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates input that does not come through the HTTP pipe (Kafka messages) with the same rules. */
export function validatePayload<T extends object>(cls: new () => T, plain: unknown): PayloadValidation<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: '', code: 'NOT_AN_OBJECT', message: 'payload must be a JSON object' }] };
  }
  const result = validatedInstance(cls, plain, 'forbid');
  return result.ok ? result : { ok: false, errors: flattenValidationErrors(result.errors) };
}
