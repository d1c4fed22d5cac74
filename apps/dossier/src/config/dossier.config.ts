import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@hub/platform';

export class DossierConfig extends BaseServiceConfig {
  /** A sync batch of 1 000 full records needs more than the default 1 MiB; the gateway applies the same limit. */
  override BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;

  /** How often the overdue watch runs (0 turns it off). */
  @Type(() => Number) @IsInt() @Min(0) OVERDUE_WATCH_INTERVAL_MS = 60_000;

  // Agency webhooks (README "Agency feed and webhooks").
  /** Development and tests only: webhook URLs may be http:// and point at loopback or private addresses. */
  // From the raw variable: implicit conversion would already have turned "false" into true.
  @Transform(({ obj, key }) => [true, 'true', '1'].includes((obj as Record<string, unknown>)[key] as string))
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS: boolean = false;

  /** Fallback poll of the delivery worker when no NOTIFY arrives (0 turns the worker off on this replica). */
  @Type(() => Number) @IsInt() @Min(0) WEBHOOK_DELIVERY_INTERVAL_MS = 1000;

  @Type(() => Number) @IsInt() @Min(100) @Max(60_000) WEBHOOK_CONNECT_TIMEOUT_MS = 5000;

  /** Time for the receiver's response headers (and then its body) after the request was sent. */
  @Type(() => Number) @IsInt() @Min(100) @Max(60_000) WEBHOOK_RESPONSE_TIMEOUT_MS = 10_000;

  /** First retry after about this long, doubling each attempt (full jitter), each wait at most WEBHOOK_RETRY_MAX_MS. */
  @Type(() => Number) @IsInt() @Min(10) WEBHOOK_RETRY_BASE_MS = 10_000;

  @Type(() => Number) @IsInt() @Min(10) WEBHOOK_RETRY_MAX_MS = 3_600_000;

  /** A delivery still failing this long after its first attempt is parked (replay it with deliveries:replay). */
  @Type(() => Number) @IsInt() @Min(100) WEBHOOK_PARK_AFTER_MS = 86_400_000;
}
