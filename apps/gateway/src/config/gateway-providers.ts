import type { ValueProvider } from '@nestjs/common';
import { jsonBudgetOf } from '@hub/platform';
import { BOOTSTRAP_ADMIN_KEY } from '../api-client/api-client-admin.module';
import { KEY_CACHE_TTL_MS } from '../api-client/authenticated-key-cache';
import { CLIENT_CHANGES_OPTIONS } from '../client-changes/client-changes';
import { COMPAT_OPTIONS } from '../compat/compat-options';
import { sessionKeyFrom } from '../compat/compat-session';
import { RECEIPT_SIGNING_KEY } from '../exchange-log/receipt-signer';
import { DOOR_OPTIONS } from '../hygiene/hygiene.module';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from '../idempotency/idempotent-exchange';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth/token-signing-keys';
import { DEPRECATION_TABLE, DEPRECATIONS, type Deprecation } from '../proxy/deprecations';
import { BODY_LIMITS } from '../proxy/proxy.module';
import { UPSTREAM_OPTIONS, type UpstreamOptions } from '../proxy/upstream.client';
import type { RouteClass } from '../rate-limit/rate-limit-rules';
import { RATE_LIMIT_OPTIONS, type RateLimitOptions } from '../rate-limit/rate-limiter';
import { STANDARD_DIR } from '../standard/published-standard.files';
import type { GatewayConfig } from './gateway.config';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function upstreamOptions(config: GatewayConfig): UpstreamOptions {
  return {
    urls: { catalogue: config.CATALOGUE_URL, dossier: config.DOSSIER_URL, payment: config.PAYMENT_URL, rating: config.RATING_URL },
    timeoutMs: upstreamTimeouts(config),
    connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
    connections: config.UPSTREAM_CONNECTIONS,
  };
}

function upstreamTimeouts(config: GatewayConfig): Record<RouteClass, number> {
  return {
    read: config.UPSTREAM_TIMEOUT_READ_MS ?? config.UPSTREAM_TIMEOUT_MS,
    write: config.UPSTREAM_TIMEOUT_WRITE_MS ?? config.UPSTREAM_TIMEOUT_MS,
    public: config.UPSTREAM_TIMEOUT_PUBLIC_MS ?? config.UPSTREAM_TIMEOUT_MS,
    bulk: config.UPSTREAM_TIMEOUT_BULK_MS,
  };
}

function idempotencyOptions(config: GatewayConfig): IdempotencyOptions {
  return {
    ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
    // A first attempt cannot outlive the upstream timeout by much; after that its key may be taken over.
    leaseMs: Math.max(...Object.values(upstreamTimeouts(config))) * 2 + 5_000,
    pruneIntervalMs: config.IDEMPOTENCY_PRUNE_INTERVAL_MS,
  };
}

function rateLimitOptions(config: GatewayConfig): RateLimitOptions {
  const windowSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
  return {
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
}

function oauthOptions(config: GatewayConfig): OAuthOptions {
  return {
    issuer: config.OAUTH_ISSUER.replace(/\/$/, ''),
    audience: config.OAUTH_AUDIENCE,
    tokenTtlSeconds: config.OAUTH_TOKEN_TTL_SECONDS,
    clientStatusTtlMs: config.OAUTH_CLIENT_STATUS_TTL_MS,
    signingKeys: list(config.OAUTH_SIGNING_KEYS),
  };
}

/** The validated configuration, handed to the gateway's modules as typed options. */
export function gatewayProviders(config: GatewayConfig, deprecations: readonly Deprecation[] = DEPRECATIONS): ValueProvider[] {
  return [
    { provide: DEPRECATION_TABLE, useValue: deprecations },
    { provide: UPSTREAM_OPTIONS, useValue: upstreamOptions(config) },
    { provide: BOOTSTRAP_ADMIN_KEY, useValue: config.GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH },
    { provide: BODY_LIMITS, useValue: { defaultBytes: config.BODY_LIMIT_BYTES, largeBytes: config.LARGE_BODY_LIMIT_BYTES, json: jsonBudgetOf(config) } },
    { provide: STANDARD_DIR, useValue: config.STANDARD_DIR },
    { provide: IDEMPOTENCY_OPTIONS, useValue: idempotencyOptions(config) },
    { provide: RATE_LIMIT_OPTIONS, useValue: rateLimitOptions(config) },
    { provide: CLIENT_CHANGES_OPTIONS, useValue: { redisUrl: config.REDIS_URL, channel: config.CLIENT_CHANGES_CHANNEL, redisTimeoutMs: config.RATE_LIMIT_REDIS_TIMEOUT_MS } },
    { provide: KEY_CACHE_TTL_MS, useValue: config.API_KEY_CACHE_TTL_MS },
    { provide: RECEIPT_SIGNING_KEY, useValue: config.RECEIPT_SIGNING_KEY },
    { provide: OAUTH_OPTIONS, useValue: oauthOptions(config) },
    { provide: DOOR_OPTIONS, useValue: { corsOrigins: list(config.CORS_ORIGINS) } },
    { provide: COMPAT_OPTIONS, useValue: { sessionTtlSeconds: config.COMPAT_SESSION_TTL_SECONDS, sessionKey: sessionKeyFrom(config.IDENTITY_SIGNING_KEY) } },
  ];
}
