import { HUB_ROLES } from '@hub/contracts';
import { buildOpenApiDocument, type BaseServiceConfig } from '@hub/platform';
import type { ServiceUnderTest } from '../service-under-test';
import { routesOf } from './fuzz-routes';
import type { HostileInputTarget } from './hostile-input';
import { storedRowCounter } from './stored-rows';

/**
 * A service under test made a fuzz target: listening on loopback, its routes read from the OpenAPI document
 * that its Nest router generates, its database's rows counted (except the tables its consumers fill).
 */
export async function hostileInputTarget<C extends BaseServiceConfig>(
  service: ServiceUnderTest<C>,
  options: { writtenByConsumers?: string[]; agencyCodes?: string[] } = {},
): Promise<HostileInputTarget & { close(): Promise<void> }> {
  const { app } = service;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.getHttpServer().address() as { port: number }).port;
  const routes = routesOf(buildOpenApiDocument(app, { title: 'fuzz', description: 'fuzz', version: '1' }));
  const rows = await storedRowCounter(service.db.url, options.writtenByConsumers);
  return {
    app,
    port,
    routes,
    identity: () => service.identity({ kind: 'operator', roles: [...HUB_ROLES], agencyCodes: options.agencyCodes ?? [] }),
    storedRows: rows.counts,
    close: rows.close,
  };
}
