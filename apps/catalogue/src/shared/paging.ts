import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy, type ValidationArguments } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/**
 * Deep pages are refused: `page × pageSize` (the last row a page reaches) may not pass this, so no query skips more
 * than 10,000 rows (OFFSET reads and throws away every skipped row). Past it a client narrows the query instead.
 */
export const MAX_OFFSET = 10_000;

/** `page × pageSize ≤ max` (field code `PAGE_WINDOW_EXCEEDED`); `pageSize` defaults to `defaultPageSize`. */
export function WithinPageWindow(max: number, defaultPageSize: number) {
  return ValidateBy({
    name: 'pageWindowExceeded',
    validator: {
      validate: (page: unknown, args?: ValidationArguments) => {
        const size = (args?.object as { pageSize?: unknown } | undefined)?.pageSize ?? defaultPageSize;
        return typeof page !== 'number' || typeof size !== 'number' || page * size <= max;
      },
      defaultMessage: () => `page × pageSize must not exceed ${max}; narrow the query instead of paging deeper`,
    },
  });
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: `page × pageSize ≤ ${MAX_OFFSET}` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_OFFSET) @WithinPageWindow(MAX_OFFSET, 20) page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) pageSize: number = 20;
}

export class PageMeta {
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Number of matching items over all pages' }) total!: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
