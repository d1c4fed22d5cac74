import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { validationFailed } from '../errors/problems';
import { flattenValidationErrors } from './flatten-validation-errors';
import { STRICT_VALIDATION } from './validation-options';
import { fastValidInstance, installValidationMetadataCache } from '@hub/contracts';

installValidationMetadataCache();

/**
 * Nest's ValidationPipe with the fast path in front (fast-validation.ts): a valid body or query is built and checked
 * with the same rules without class-validator's executor; anything else goes through the pipe, which writes the errors.
 */
class HubValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && metadata.type !== 'custom' && this.toValidate(metadata)) {
      const fast = fastValidInstance(metadata.metatype as new () => object, value, 'forbid');
      if (fast) return fast;
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new HubValidationPipe({
    ...STRICT_VALIDATION,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
