import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { RateLimitOverrides } from '../rate-limit/rate-limit-rules';

const MAX_PER_WINDOW = 1_000_000;

/** Requests per window (RATE_LIMIT_WINDOW_SECONDS) for one client, per route class; a class left out keeps the default. */
export class RateLimitOverridesDto implements RateLimitOverrides {
  @ApiPropertyOptional({ example: 12000 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PER_WINDOW) read?: number;
  @ApiPropertyOptional({ example: 2400 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PER_WINDOW) write?: number;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PER_WINDOW) bulk?: number;
}
