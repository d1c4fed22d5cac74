import { buildOpenApiDocument, IDENTITY_HEADER, rolesOfKind, type BaseServiceConfig, type CallerKind } from '@hub/platform';
import type { ServiceUnderTest } from '../service-under-test';
import { routesOf, type FuzzRoute } from './fuzz-routes';
import { expectStillAnswering, FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzRequestHeads, fuzzRoutes, type HostileInputTarget } from './hostile-input';
import { storedRowCounter } from './stored-rows';

/**
 * A service under test made a fuzz target: listening on loopback, its routes read from the OpenAPI document
 * that its Nest router generates, its database's rows counted (except the tables its consumers fill).
 */
export interface HostileTargetOptions {
  /** Tables that the service's Kafka consumers fill: their counts move whatever the requests do. */
  writtenByConsumers?: string[];
  /** Routes the OpenAPI document does not show (the gateway's proxied resources). */
  extraRoutes?: FuzzRoute[];
  /** Default: an `x-hub-identity` of each client kind in turn, with every role its kind may hold (access policy). */
  credential?: HostileInputTarget['credential'];
  forwardedRequests?(): number;
}

export async function hostileInputTarget<C extends BaseServiceConfig>(
  service: ServiceUnderTest<C>,
  options: HostileTargetOptions = {},
): Promise<HostileInputTarget & { close(): Promise<void> }> {
  const { app } = service;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.getHttpServer().address() as { port: number }).port;
  const documented = routesOf(buildOpenApiDocument(app, { title: 'fuzz', description: 'fuzz', version: '1' }));
  const rows = await storedRowCounter(service.db.url, options.writtenByConsumers);
  return {
    app,
    port,
    routes: [...documented, ...(options.extraRoutes ?? [])],
    credential: options.credential ?? { header: IDENTITY_HEADER, value: everyKindInTurn(service) },
    forwardedRequests: options.forwardedRequests,
    storedRows: rows.counts,
    close: rows.close,
  };
}

/** No kind holds every role (access policy): the identities take turns so every route is reached past its guard. */
function everyKindInTurn<C extends BaseServiceConfig>(service: ServiceUnderTest<C>): () => string {
  const kinds: CallerKind[] = ['operator', 'agency-system', 'portal'];
  let turn = 0;
  return () => {
    const kind = kinds[turn++ % kinds.length];
    return service.identity({ kind, roles: rolesOfKind(kind), ...(kind === 'agency-system' ? { agencyCodes: ['000.00.15.H31'] } : {}) });
  };
}

/**
 * The hostile-input suite of one service: generated hostile requests at every route (never a 5xx, always a
 * problem, nothing stored when refused), hostile request heads on the socket, and the process still answering.
 */
export function describeHostileInput<C extends BaseServiceConfig>(
  name: string,
  start: () => Promise<ServiceUnderTest<C>>,
  options: HostileTargetOptions | ((service: ServiceUnderTest<C>) => Promise<HostileTargetOptions>) = {},
): void {
  describe(`${name} under hostile input (property-based; FUZZ_RUNS=${FUZZ_RUNS})`, () => {
    let service: ServiceUnderTest<C> | undefined;
    let target: Awaited<ReturnType<typeof hostileInputTarget>>;

    beforeAll(async () => {
      service = await start();
      target = await hostileInputTarget(service, typeof options === 'function' ? await options(service) : options);
    });

    afterAll(async () => {
      await target?.close();
      await service?.close();
    });

    it('answers hostile bodies, headers, paths and queries at every route with a problem, never a 5xx, and stores nothing it refuses', () => fuzzRoutes(target), FUZZ_TIMEOUT_MS);

    it('answers hostile request heads on the socket with problems', () => fuzzRequestHeads(target), FUZZ_TIMEOUT_MS);

    it('still answers afterwards', () => expectStillAnswering(target));
  });
}
