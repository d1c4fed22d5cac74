import type { ValidatorOptions } from 'class-validator';
import { validatorOptionsFor } from '@hub/contracts';

/** The rules every input to the hub is checked with, over HTTP or Kafka: unknown fields are errors. */
export const STRICT_VALIDATION: ValidatorOptions = validatorOptionsFor('forbid');
