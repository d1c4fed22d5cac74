import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { Clock } from '../clock/clock';
import { AppErrorsModule } from '../errors/app-errors.module';
import { platformHttpErrors } from '../errors/platform-errors';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { HealthController } from '../health/health.controller';
import { identityPublicKeyOf, parseIdentityPublicKeys, parseIdentitySigningKey } from '../identity/identity-keys';
import { IDENTITY_PUBLIC_KEYS, IDENTITY_SIGNING_KEY, IdentityGuard } from '../identity/identity.guard';
import { MetricsController } from '../metrics/metrics.controller';
import { createValidationPipe } from '../validation/create-validation-pipe';
import { SERVICE_NAME } from './service-name.token';

export interface PlatformModuleOptions {
  service: string;
  /** `IDENTITY_PUBLIC_KEYS`: every service verifies with these. */
  identityPublicKeys?: string;
  /** `IDENTITY_SIGNING_KEY`: the gateway only; its public half is trusted too. */
  identitySigningKey?: string;
  /** false when `/metrics` has a port of its own (METRICS_PORT). */
  serveMetrics?: boolean;
}

/** Global problem+json filter, strict validation pipe, identity guard, /health and /metrics. */
@Module({})
export class PlatformModule {
  private static readonly modules = new Map<string, DynamicModule>();

  static forRoot(options: PlatformModuleOptions): DynamicModule {
    // Refuses to start with a placeholder: both parse as Ed25519 keys or throw.
    const signingKey = options.identitySigningKey ? parseIdentitySigningKey(options.identitySigningKey) : null;
    const ownKey = signingKey && identityPublicKeyOf(signingKey);
    const listed = options.identityPublicKeys ?? '';
    if (!ownKey && listed.trim() === '') throw new Error('PlatformModule: IDENTITY_PUBLIC_KEYS must be set (the gateway\'s Ed25519 public keys)');
    const keys = parseIdentityPublicKeys(ownKey && !listed.split(',').some((k) => k.trim() === ownKey) ? [listed, ownKey].filter(Boolean).join(',') : listed);
    // createServiceApp imports PlatformModule as well; handing out the same object for the same options lets
    // Nest treat both imports as one module instead of registering /health and /metrics twice.
    const serveMetrics = options.serveMetrics ?? true;
    const key = JSON.stringify([options.service, options.identityPublicKeys, options.identitySigningKey, serveMetrics]);
    const existing = PlatformModule.modules.get(key);
    if (existing) return existing;
    const module: DynamicModule = {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule, AppErrorsModule.forFeature({ name: 'platform', http: platformHttpErrors })],
      controllers: serveMetrics ? [HealthController, MetricsController] : [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        Clock,
        { provide: IDENTITY_PUBLIC_KEYS, useValue: keys },
        { provide: IDENTITY_SIGNING_KEY, useValue: signingKey },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: IdentityGuard },
      ],
      exports: [SERVICE_NAME, IDENTITY_PUBLIC_KEYS, IDENTITY_SIGNING_KEY, Clock],
    };
    PlatformModule.modules.set(key, module);
    return module;
  }
}
