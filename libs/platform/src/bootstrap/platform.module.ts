import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { Clock } from '../clock/clock';
import { AppErrorsModule } from '../errors/app-errors.module';
import { platformHttpErrors } from '../errors/platform-errors';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { HealthController } from '../health/health.controller';
import { IDENTITY_SIGNING_KEY, IdentityGuard } from '../identity/identity.guard';
import { MetricsController } from '../metrics/metrics.controller';
import { createValidationPipe } from '../validation/create-validation-pipe';
import { SERVICE_NAME } from './service-name.token';

export interface PlatformModuleOptions {
  service: string;
  identitySigningKey: string;
}

const MIN_SIGNING_KEY_LENGTH = 32;

/** Global problem+json filter, strict validation pipe, identity guard, /health and /metrics. */
@Module({})
export class PlatformModule {
  private static readonly modules = new Map<string, DynamicModule>();

  static forRoot(options: PlatformModuleOptions): DynamicModule {
    if (options.identitySigningKey.length < MIN_SIGNING_KEY_LENGTH) {
      throw new Error(`PlatformModule: identitySigningKey must be at least ${MIN_SIGNING_KEY_LENGTH} characters`);
    }
    // createServiceApp imports PlatformModule as well; handing out the same object for the same options lets
    // Nest treat both imports as one module instead of registering /health and /metrics twice.
    const key = JSON.stringify([options.service, options.identitySigningKey]);
    const existing = PlatformModule.modules.get(key);
    if (existing) return existing;
    const module: DynamicModule = {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule, AppErrorsModule.forFeature({ name: 'platform', http: platformHttpErrors })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        Clock,
        { provide: IDENTITY_SIGNING_KEY, useValue: options.identitySigningKey },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: IdentityGuard },
      ],
      exports: [SERVICE_NAME, IDENTITY_SIGNING_KEY, Clock],
    };
    PlatformModule.modules.set(key, module);
    return module;
  }
}
