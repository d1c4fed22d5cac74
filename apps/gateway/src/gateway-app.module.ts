import { DynamicModule, Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule } from '@hub/platform';
import { ApiClientEntity } from './api-client/api-client.entity';
import { BOOTSTRAP_ADMIN_KEY } from './api-client/api-client.module';
import type { GatewayConfig } from './config/gateway.config';
import { gatewayHttpErrors } from './gateway.http-errors';
import { ApiClient1764115600000 } from './migrations/1764115600000-api-client';
import { OpenApiModule } from './openapi/openapi.module';
import { BODY_LIMITS, ProxyModule } from './proxy/proxy.module';
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
    return {
      module: GatewayAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, entities: [ApiClientEntity], migrations: [ApiClient1764115600000] }),
        {
          module: GatewayProvidersModule,
          global: true,
          providers: [
            { provide: UPSTREAM_OPTIONS, useValue: upstreams },
            { provide: BOOTSTRAP_ADMIN_KEY, useValue: config.GATEWAY_BOOTSTRAP_ADMIN_KEY },
            { provide: BODY_LIMITS, useValue: { defaultBytes: config.BODY_LIMIT_BYTES, largeBytes: config.LARGE_BODY_LIMIT_BYTES } },
          ],
          exports: [UPSTREAM_OPTIONS, BOOTSTRAP_ADMIN_KEY, BODY_LIMITS],
        },
        AppErrorsModule.forFeature({ name: GATEWAY_SERVICE, http: gatewayHttpErrors }),
        ProxyModule,
        OpenApiModule,
      ],
    };
  }
}

@Module({})
class GatewayProvidersModule {}
