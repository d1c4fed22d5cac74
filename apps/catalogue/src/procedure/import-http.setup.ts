import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../config/catalogue.config';

/** Route config flag of the import route: gets IMPORT_BODY_LIMIT_BYTES instead of the service-wide body limit. */
export const IMPORT_ROUTE_CONFIG = { hubImportRoute: true } as const;
export const NDJSON = 'application/x-ndjson';

/**
 * Runs while the application is being created, before Nest registers its routes: gives the import route its
 * own body limit (Fastify applies a route's `bodyLimit` over the parser's) and lets `application/x-ndjson`
 * bodies through as a stream that the import reads record by record.
 */
@Injectable()
export class ImportHttpSetup {
  constructor(adapterHost: HttpAdapterHost, @Inject(CATALOGUE_SETTINGS) settings: CatalogueSettings) {
    const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRoute', (route) => {
      if ((route.config as Record<string, unknown> | undefined)?.hubImportRoute === true) route.bodyLimit = settings.importBodyLimitBytes;
    });
    if (!fastify.hasContentTypeParser(NDJSON)) fastify.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));
  }
}
