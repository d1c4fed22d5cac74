import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { BaseServiceConfig } from '@hub/platform';

export class PaymentConfig extends BaseServiceConfig {
  /** How long a created payment may stay PENDING before the expiry job asks the provider and expires it. */
  @Type(() => Number) @IsInt() @Min(1000) PAYMENT_EXPIRY_MS = 15 * 60_000;
  /** How often the expiry job runs (0 turns it off). */
  @Type(() => Number) @IsInt() @Min(0) PAYMENT_EXPIRY_JOB_INTERVAL_MS = 30_000;
  /** How often pending refunds are sent to their provider (0 turns it off). */
  @Type(() => Number) @IsInt() @Min(0) REFUND_DISPATCH_INTERVAL_MS = 2_000;
  /** How often the daily reconciliation checks whether yesterday is reconciled yet (0 turns it off). */
  @Type(() => Number) @IsInt() @Min(0) DAILY_RECONCILE_INTERVAL_MS = 3_600_000;
  /** A callback whose ThoiGianGD is older than this (or this far ahead) is refused. */
  @Type(() => Number) @IsInt() @Min(1000) PAYMENT_CALLBACK_MAX_AGE_MS = 3 * 24 * 3_600_000;
  @Type(() => Number) @IsInt() @Min(0) PAYMENT_CALLBACK_MAX_SKEW_MS = 5 * 60_000;
  @Type(() => Number) @IsInt() @Min(100) PROVIDER_TIMEOUT_MS = 10_000;

  /** The national payment platform (or its sandbox); unset: no provider is configured. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) PAYMENT_PLATFORM_URL?: string;
  /** The provider name callers use (`provider` of POST /v1/payments, the callback path). */
  @Matches(/^[a-z][a-z0-9-]{1,30}$/) PAYMENT_PLATFORM_PROVIDER = 'sandbox';
  @IsOptional() @IsString() @MinLength(1) @MaxLength(50) PAYMENT_PLATFORM_PARTNER_CODE?: string;
  @IsOptional() @IsString() @MinLength(8) PAYMENT_PLATFORM_SECRET?: string;
  /** The treasury account fees are collected into, when the provider's receipt does not name one. */
  @IsString() @MinLength(1) @MaxLength(100) TREASURY_ACCOUNT = '7111.0.1053512.00000';
}
