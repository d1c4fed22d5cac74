import { Injectable, PipeTransform } from '@nestjs/common';
import { validationFailed } from '../errors/problems';

/** The one field code of a malformed path parameter. */
export const INVALID_FORMAT = 'INVALID_FORMAT';

/**
 * The one way to check a path parameter (`@Param('code', new PatternPipe(...))`): a value that does not match gets
 * the same 400 `VALIDATION_FAILED` problem as a bad body field, with the field code `INVALID_FORMAT`.
 * `accepts` is a pattern, or a predicate for forms a single pattern does not say (`national` or an agency code).
 */
@Injectable()
export class PatternPipe implements PipeTransform<string, string> {
  private readonly test: (value: string) => boolean;

  constructor(
    accepts: RegExp | ((value: string) => boolean),
    private readonly field: string,
    private readonly example: string,
  ) {
    this.test = accepts instanceof RegExp ? (value) => accepts.test(value) : accepts;
  }

  transform(value: string): string {
    if (typeof value === 'string' && this.test(value)) return value;
    throw validationFailed([{ field: this.field, code: INVALID_FORMAT, message: `${this.field} must look like ${this.example}` }]);
  }
}
