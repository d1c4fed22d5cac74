import { DynamicModule, Module } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import type { ConsumerDisposition, ConsumerErrorMap, ErrorMaps, HttpErrorMap, HttpErrorMapping } from './app-error';

/** One feature's error maps, found by the transports through Nest discovery. */
export class ErrorMapRegistration {
  constructor(
    readonly owner: string,
    readonly http: Readonly<Record<string, HttpErrorMapping>> = {},
    readonly consumer: Readonly<Record<string, ConsumerDisposition>> = {},
  ) {}
}

export interface FeatureErrorMaps<C extends string> {
  /** Names the registration in start-up errors (`catalogue.procedure`). */
  name: string;
  http?: HttpErrorMap<C>;
  /** Only for features whose use cases run in Kafka consumers. */
  consumer?: ConsumerErrorMap<C>;
}

/**
 * Registers a feature's `AppError` codes with the transports: the problem+json filter renders them through `http`,
 * the consumer host classifies them through `consumer`. Import `AppErrorsModule.forFeature(...)` in the feature module.
 */
@Module({})
export class AppErrorsModule {
  static forFeature<C extends string>(maps: FeatureErrorMaps<C>): DynamicModule {
    const registration = new ErrorMapRegistration(maps.name, maps.http, maps.consumer);
    return {
      module: AppErrorsModule,
      providers: [{ provide: Symbol(`AppErrors:${maps.name}`), useValue: registration }],
    };
  }
}

/**
 * Merges every registered map of the application. A code mapped twice must be mapped the same way (shared codes
 * such as `VALIDATION_FAILED`); two different mappings for one code stop the start-up.
 */
export function collectErrorMaps(discovery: Pick<DiscoveryService, 'getProviders'>): ErrorMaps {
  const registrations = discovery
    .getProviders()
    .map((w) => w.instance as unknown)
    .filter((i): i is ErrorMapRegistration => i instanceof ErrorMapRegistration);
  return mergeErrorMaps(registrations);
}

export function mergeErrorMaps(registrations: readonly ErrorMapRegistration[]): ErrorMaps {
  const http = new Map<string, HttpErrorMapping>();
  const consumer = new Map<string, ConsumerDisposition>();
  const owners = new Map<string, string>();
  for (const r of registrations) {
    for (const [code, mapping] of Object.entries(r.http)) {
      const known = http.get(code);
      if (known && JSON.stringify(known) !== JSON.stringify(mapping)) {
        throw new Error(`HTTP error code ${code} is mapped differently by ${owners.get(code)} and ${r.owner}`);
      }
      http.set(code, mapping);
      owners.set(code, r.owner);
    }
    for (const [code, disposition] of Object.entries(r.consumer)) {
      const known = consumer.get(code);
      if (known && known !== disposition) throw new Error(`Consumer error code ${code} is classified both ${known} and ${disposition}`);
      consumer.set(code, disposition);
    }
  }
  return { http, consumer };
}
