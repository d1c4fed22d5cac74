import { ValidationPipe } from '@nestjs/common';
import { validationFailed } from '../errors/problems';
import { flattenValidationErrors } from './flatten-validation-errors';
import { STRICT_VALIDATION } from './validation-options';
import { installValidationMetadataCache } from '@hub/contracts';

installValidationMetadataCache();

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...STRICT_VALIDATION,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
