import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError, type ValidatorOptions } from 'class-validator';
import { fastValidInstance, type UnknownFields } from './fast-validation';

export type InstanceValidation<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** The rules every input to the hub is checked with: unknown fields are errors (`forbid`: HTTP) or dropped (`strip`: events). */
export function validatorOptionsFor(unknownFields: UnknownFields): ValidatorOptions {
  return { whitelist: true, forbidNonWhitelisted: unknownFields === 'forbid', forbidUnknownValues: true, validationError: { target: false, value: false } };
}

/**
 * A payload (already known to be an object) as an instance of `cls`: the fast path for a valid one (fast-validation.ts),
 * class-validator for the rest, which writes the errors. `validatePayload`, `decodePayload` and the outbox use it.
 */
export function validatedInstance<T extends object>(cls: new () => T, plain: object, unknownFields: UnknownFields): InstanceValidation<T> {
  const fast = fastValidInstance(cls, plain, unknownFields);
  return fast ? { ok: true, value: fast } : classValidatorInstance(cls, plain, unknownFields);
}

/** class-transformer + class-validator alone: the errors of `validatedInstance`, and the reference its fast path is held to. */
export function classValidatorInstance<T extends object>(cls: new () => T, plain: object, unknownFields: UnknownFields): InstanceValidation<T> {
  let value: T;
  try {
    value = plainToInstance(cls, plain);
  } catch {
    // class-transformer reads an object's own `constructor` field as its class and throws on it (the HTTP pipe strips
    // such keys first): an error of the payload, not a crash.
    return { ok: false, errors: [unreadable()] };
  }
  const errors = validateSync(value, validatorOptionsFor(unknownFields));
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

function unreadable(): ValidationError {
  const error = new ValidationError();
  error.property = '';
  error.children = [];
  error.constraints = { unreadablePayload: 'payload holds an object with a "constructor" field, which is not accepted' };
  return error;
}
