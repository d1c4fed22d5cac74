import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { jsonBudgetOf, type BaseServiceConfig } from '../config/base-service.config';
import { registerJsonBodyParser } from '../http/json-body.parser';
import { registerRequestGuards } from '../http/request-guards';
import { createClientErrorHandler, frameworkErrorHandler } from '../http/server-errors';
import { createLogger } from '../logging/create-logger';
import { PinoLoggerService } from '../logging/pino-logger.service';
import { registerHttpMetrics } from '../metrics/http-metrics.hook';
import { enableDefaultMetrics, metricsRegistry } from '../metrics/metrics-registry';
import { buildOpenApiDocument, OpenApiInfo, setupOpenApi } from '../openapi/openapi';
import { installFastAsyncResourceBind } from './async-resource-bind';
import { PlatformModule } from './platform.module';
import { registerRequestHooks } from './request-hooks';

export interface ServiceAppOptions {
  service: string;
  config: BaseServiceConfig;
  /** Serves Swagger UI at `/<path>` (default `docs`) and the document at `/<path>-json`. */
  openApi?: OpenApiInfo & { path?: string };
  /** Replaces the stdout logger, e.g. to capture or silence logs in tests. */
  logger?: Logger;
}

export interface ServiceRuntime {
  logger: Logger;
  shutdownTimeoutMs: number;
  /** Address to bind (HTTP_HOST). */
  host: string;
  /** `/metrics` on a port of its own (METRICS_PORT, METRICS_HOST). */
  metrics?: { port: number; host: string };
}

const runtimes = new WeakMap<NestFastifyApplication, ServiceRuntime>();

/** What startServiceApp needs from createServiceApp without widening the Nest application type. */
export function serviceRuntimeOf(app: NestFastifyApplication): ServiceRuntime {
  const runtime = runtimes.get(app);
  if (!runtime) throw new Error('startServiceApp needs an application created by createServiceApp');
  return runtime;
}

@Module({})
class ServiceRootModule {}

/** Builds a service the hub's way; call init()/listen() or startServiceApp on the result. */
export async function createServiceApp(
  module: Type<unknown> | DynamicModule,
  options: ServiceAppOptions,
): Promise<NestFastifyApplication> {
  const { service, config } = options;
  // Node 20's AsyncResource#bind costs every request with a body (fastify binds its parser's callback): see the module.
  installFastAsyncResourceBind();
  const logger = options.logger ?? createLogger(service, config.LOG_LEVEL);

  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: createClientErrorHandler(logger),
    http: { maxHeaderSize: config.MAX_HEADER_BYTES },
  });
  const fastify = adapter.getInstance();
  registerRequestHooks(fastify, logger);
  registerRequestGuards(fastify, { maxUrlBytes: config.MAX_URL_BYTES });
  registerJsonBodyParser(fastify, jsonBudgetOf(config));
  registerHttpMetrics(fastify);
  metricsRegistry.setDefaultLabels({ service });
  enableDefaultMetrics();

  const app = await NestFactory.create<NestFastifyApplication>(
    {
      module: ServiceRootModule,
      imports: [PlatformModule.forRoot({
          service,
          identityPublicKeys: config.IDENTITY_PUBLIC_KEYS,
          identitySigningKey: config.IDENTITY_SIGNING_KEY,
          serveMetrics: config.METRICS_PORT === undefined,
        }), module],
    },
    adapter,
    // abortOnError: false makes a wiring error throw instead of calling process.exit inside tests.
    // bodyParser: false keeps Nest from adding its JSON and form parsers over registerJsonBodyParser's.
    { logger: new PinoLoggerService(logger), abortOnError: false, bodyParser: false },
  );

  if (options.openApi) {
    const { path, ...info } = options.openApi;
    setupOpenApi(app, buildOpenApiDocument(app, info), path);
  }
  runtimes.set(app, {
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    host: config.HTTP_HOST,
    ...(config.METRICS_PORT !== undefined ? { metrics: { port: config.METRICS_PORT, host: config.METRICS_HOST } } : {}),
  });
  return app;
}
