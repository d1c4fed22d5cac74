import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/problem.exception';
import { toUpperSnake } from '../errors/problems';

// class-validator names the constraint behind forbidNonWhitelisted "whitelistValidation"; clients get a clearer code.
const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'UNKNOWN_FIELD',
};

/** One FieldError per violated constraint, with dot paths through nested objects and array indexes. */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath && error.property ? `${parentPath}.${error.property}` : parentPath || error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: CONSTRAINT_CODES[constraint] ?? toUpperSnake(constraint),
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
