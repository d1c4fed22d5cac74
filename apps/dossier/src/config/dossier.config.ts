import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { BaseServiceConfig } from '@hub/platform';

export class DossierConfig extends BaseServiceConfig {
  /** A sync batch of 1 000 full records needs more than the default 1 MiB; the gateway applies the same limit. */
  override BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;

  /** How often the overdue watch runs (0 turns it off). */
  @Type(() => Number) @IsInt() @Min(0) OVERDUE_WATCH_INTERVAL_MS = 60_000;
}
