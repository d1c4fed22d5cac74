import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength, ValidateBy } from 'class-validator';
import { BaseServiceConfig } from '@hub/platform';

/** Words of the example values in compose, the manifests and the docs: such a value is not a secret. */
const PLACEHOLDER = /change[-_ .]?me|example|placeholder|dev[-_ .]?only|do[-_ .]?not[-_ .]?use|not[-_ .]?a[-_ .]?secret|replace|secret[-_ .]?here|x{8,}/i;

/** A secret that is not an example value, and not a run of few characters ("aaaa…", "1234…"). */
export function isRealSecret(value: unknown): boolean {
  return typeof value === 'string' && !PLACEHOLDER.test(value) && new Set(value).size >= 10;
}

export class DossierConfig extends BaseServiceConfig {
  /** A sync batch of 1 000 full records needs more than the default 1 MiB; the gateway applies the same limit. */
  override BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;

  /** How often the overdue watch runs (0 turns it off). */
  @Type(() => Number) @IsInt() @Min(0) OVERDUE_WATCH_INTERVAL_MS = 60_000;

  /**
   * How often the agency-feed sweep looks for online dossiers without their `dossier.submitted` item (those an
   * older version took in; see FeedSubmissionSweep), and how far back (0 turns it off).
   */
  @Type(() => Number) @IsInt() @Min(0) FEED_SWEEP_INTERVAL_MS = 60_000;
  @Type(() => Number) @IsInt() @Min(60_000) FEED_SWEEP_WINDOW_MS = 6 * 3600_000;

  /**
   * Key of the HMAC that lookup keys are stored under (`openssl rand -base64 48`). Required: the service refuses to
   * start without it, with fewer than 32 characters, or with an example value. Changing it invalidates every
   * lookup key already issued, every agency-feed cursor and every sealed webhook secret (their keys are derived from it
   * with their own labels).
   */
  @IsString({ message: 'must be set (openssl rand -base64 48)' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @ValidateBy({ name: 'realSecret', validator: { validate: isRealSecret, defaultMessage: () => 'must be a random secret, not an example value' } })
  LOOKUP_KEY_SECRET!: string;

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
