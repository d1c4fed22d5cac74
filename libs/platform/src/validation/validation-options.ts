import type { ValidatorOptions } from 'class-validator';

/** The rules every input to the hub is checked with, over HTTP or Kafka: unknown fields are errors. */
export const STRICT_VALIDATION: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};
