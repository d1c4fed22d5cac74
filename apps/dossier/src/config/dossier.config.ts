import { Type } from 'class-transformer';
import { IsInt, IsString, Min, MinLength, ValidateBy } from 'class-validator';
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
   * Key of the HMAC that lookup keys are stored under (`openssl rand -base64 48`). Required: the service refuses to
   * start without it, with fewer than 32 characters, or with an example value. Changing it invalidates every
   * lookup key already issued.
   */
  @IsString({ message: 'must be set (openssl rand -base64 48)' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @ValidateBy({ name: 'realSecret', validator: { validate: isRealSecret, defaultMessage: () => 'must be a random secret, not an example value' } })
  LOOKUP_KEY_SECRET!: string;
}
