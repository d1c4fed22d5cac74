import { DynamicModule, Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { jsonBudgetOf } from '@hub/platform';
import { ApiClientEntity } from './api-client/api-client.entity';
import { BOOTSTRAP_ADMIN_KEY } from './api-client/api-client.module';
import type { GatewayConfig } from './config/gateway.config';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency/idempotent-exchange';
import { ApiClient1764115600000 } from './migrations/1764115600000-api-client';
import { IdempotencyKey1764800000000 } from './migrations/1764800000000-idempotency-key';
import { ApiClientRateLimits1764800000001 } from './migrations/1764800000001-api-client-rate-limits';
import { ExchangeLog1764800000002 } from './migrations/1764800000002-exchange-log';
import { ExchangeLogModule } from './exchange-log/exchange-log.module';
import { RECEIPT_SIGNING_KEY } from './exchange-log/receipt-signer';
import { OAUTH_OPTIONS, type OAuthOptions } from './oauth/token-signing-keys';
import { DOOR_OPTIONS, HygieneModule } from './hygiene/hygiene.module';
import { RATE_LIMIT_OPTIONS, type RateLimitOptions } from './rate-limit/rate-limiter';
import { OpenApiModule } from './openapi/openapi.module';
import { BODY_LIMITS, ProxyModule } from './proxy/proxy.module';
import { STANDARD_DIR } from './standard/published-standard.files';
import { StandardModule } from './standard/standard.module';
import { UPSTREAM_OPTIONS, type UpstreamOptions } from './proxy/upstream.client';

export const GATEWAY_SERVICE = 'gateway';

@Module({})
export class GatewayAppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const upstreams: UpstreamOptions = {
      urls: { catalogue: config.CATALOGUE_URL, dossier: config.DOSSIER_URL, payment: config.PAYMENT_URL, rating: config.RATING_URL },
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      connections: config.UPSTREAM_CONNECTIONS,
    };
    const idempotency: IdempotencyOptions = {
      ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
      // A first attempt cannot outlive the upstream timeout by much; after that its key may be taken over.
      leaseMs: config.UPSTREAM_TIMEOUT_MS * 2 + 5_000,
      pruneIntervalMs: config.IDEMPOTENCY_PRUNE_INTERVAL_MS,
    };
    const windowSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
    const rateLimits: RateLimitOptions = {
      redisUrl: config.REDIS_URL,
      keyPrefix: config.RATE_LIMIT_KEY_PREFIX,
      redisTimeoutMs: config.RATE_LIMIT_REDIS_TIMEOUT_MS,
      policies: {
        read: { limit: config.RATE_LIMIT_READ, windowSeconds },
        write: { limit: config.RATE_LIMIT_WRITE, windowSeconds },
        bulk: { limit: config.RATE_LIMIT_BULK, windowSeconds },
        public: { limit: config.RATE_LIMIT_PUBLIC, windowSeconds },
      },
    };
    const oauth: OAuthOptions = {
      issuer: config.OAUTH_ISSUER.replace(/\/$/, ''),
      audience: config.OAUTH_AUDIENCE,
      tokenTtlSeconds: config.OAUTH_TOKEN_TTL_SECONDS,
      clientStatusTtlMs: config.OAUTH_CLIENT_STATUS_TTL_MS,
      signingKeys: (config.OAUTH_SIGNING_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    };
    return {
      module: GatewayAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, entities: [ApiClientEntity], migrations: [ApiClient1764115600000, IdempotencyKey1764800000000, ApiClientRateLimits1764800000001, ExchangeLog1764800000002] }),
        {
          module: GatewayProvidersModule,
          global: true,
          providers: [
            { provide: UPSTREAM_OPTIONS, useValue: upstreams },
            { provide: BOOTSTRAP_ADMIN_KEY, useValue: config.GATEWAY_BOOTSTRAP_ADMIN_KEY },
            { provide: BODY_LIMITS, useValue: { defaultBytes: config.BODY_LIMIT_BYTES, largeBytes: config.LARGE_BODY_LIMIT_BYTES, json: jsonBudgetOf(config) } },
            { provide: STANDARD_DIR, useValue: config.STANDARD_DIR },
            { provide: IDEMPOTENCY_OPTIONS, useValue: idempotency },
            { provide: RATE_LIMIT_OPTIONS, useValue: rateLimits },
            { provide: RECEIPT_SIGNING_KEY, useValue: config.RECEIPT_SIGNING_KEY },
            { provide: OAUTH_OPTIONS, useValue: oauth },
            { provide: DOOR_OPTIONS, useValue: { corsOrigins: config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) } },
          ],
          exports: [UPSTREAM_OPTIONS, BOOTSTRAP_ADMIN_KEY, BODY_LIMITS, STANDARD_DIR, IDEMPOTENCY_OPTIONS, RATE_LIMIT_OPTIONS, RECEIPT_SIGNING_KEY, OAUTH_OPTIONS, DOOR_OPTIONS],
        },
        HygieneModule,
        ProxyModule,
        ExchangeLogModule,
        OpenApiModule,
        StandardModule,
      ],
    };
  }
}

@Module({})
class GatewayProvidersModule {}
