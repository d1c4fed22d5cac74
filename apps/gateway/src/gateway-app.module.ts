import { DynamicModule, Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule } from '@hub/platform';
import { ApiClientAdminModule } from './api-client/api-client-admin.module';
import { ApiClientEntity } from './api-client/api-client.entity';
import { CompatModule } from './compat/compat.module';
import { gatewayProviders } from './config/gateway-providers';
import type { GatewayConfig } from './config/gateway.config';
import { ExchangeLogModule } from './exchange-log/exchange-log.module';
import { gatewayHttpErrors } from './gateway.http-errors';
import { HygieneModule } from './hygiene/hygiene.module';
import { ApiClient1764115600000 } from './migrations/1764115600000-api-client';
import { IdempotencyKey1764800000000 } from './migrations/1764800000000-idempotency-key';
import { ApiClientRateLimits1764800000001 } from './migrations/1764800000001-api-client-rate-limits';
import { ExchangeLog1764800000002 } from './migrations/1764800000002-exchange-log';
import { ApiClientLifecycle1765400000000 } from './migrations/1765400000000-api-client-lifecycle';
import { OpenApiModule } from './openapi/openapi.module';
import type { Deprecation } from './proxy/deprecations';
import { ProxyModule } from './proxy/proxy.module';
import { StandardModule } from './standard/standard.module';

export const GATEWAY_SERVICE = 'gateway';

const MIGRATIONS = [ApiClient1764115600000, IdempotencyKey1764800000000, ApiClientRateLimits1764800000001, ExchangeLog1764800000002, ApiClientLifecycle1765400000000];

/** What a test may set that configuration does not: the deprecation table (DEPRECATIONS by default). */
export interface GatewayModuleOptions {
  deprecations?: readonly Deprecation[];
}

@Module({})
export class GatewayAppModule {
  static forRoot(config: GatewayConfig, options: GatewayModuleOptions = {}): DynamicModule {
    const providers = gatewayProviders(config, options.deprecations);
    return {
      module: GatewayAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, entities: [ApiClientEntity], migrations: MIGRATIONS }),
        { module: GatewayProvidersModule, global: true, providers, exports: providers.map((p) => p.provide) },
        // Door hooks first: spoofable headers are gone before anything reads the request.
        HygieneModule,
        AppErrorsModule.forFeature({ name: GATEWAY_SERVICE, http: gatewayHttpErrors }),
        ProxyModule,
        ApiClientAdminModule,
        ExchangeLogModule,
        OpenApiModule,
        StandardModule,
        CompatModule,
      ],
    };
  }
}

@Module({})
class GatewayProvidersModule {}
