import { Injectable, PipeTransform } from '@nestjs/common';
import { validationFailed } from '../errors/problems';

/** Path and query parameters that must match a code format get the same 400 problem as a bad body field. */
@Injectable()
export class PatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly pattern: RegExp,
    private readonly field: string,
    private readonly example: string,
  ) {}

  transform(value: string): string {
    if (typeof value === 'string' && this.pattern.test(value)) return value;
    throw validationFailed([{ field: this.field, code: 'INVALID_FORMAT', message: `${this.field} must look like ${this.example}` }]);
  }
}
