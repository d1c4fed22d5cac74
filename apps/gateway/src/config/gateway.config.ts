import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@hub/platform';

const SERVICE_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

export class GatewayConfig extends BaseServiceConfig {
  @IsUrl(SERVICE_URL) CATALOGUE_URL!: string;
  @IsUrl(SERVICE_URL) DOSSIER_URL!: string;
  @IsUrl(SERVICE_URL) PAYMENT_URL!: string;
  @IsUrl(SERVICE_URL) RATING_URL!: string;

  /** Optional first administrator key, registered at start-up so the first clients can be created. */
  @IsOptional() @IsString() @Matches(/^hub_[0-9a-f]{8}_[A-Za-z0-9_-]{32,}$/, { message: 'GATEWAY_BOOTSTRAP_ADMIN_KEY must look like hub_<8 hex>_<32+ url-safe chars>' })
  GATEWAY_BOOTSTRAP_ADMIN_KEY?: string;

  /** Limit for bulk endpoints (`POST /v1/procedures:import`); every other body keeps BODY_LIMIT_BYTES. */
  @Type(() => Number) @IsInt() @Min(1024) LARGE_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) UPSTREAM_TIMEOUT_MS = 10_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(1024) UPSTREAM_CONNECTIONS = 64;
}
