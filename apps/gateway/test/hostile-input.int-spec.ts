import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeHostileInput, startServiceUnderTest, type FuzzRoute } from '@hub/testing';
import { rolesOfKind } from '@hub/platform';
import { bootstrapAdminKeyHash } from '../src/api-client/bootstrap-admin';
import { GatewayConfig } from '../src/config/gateway.config';
import { uniqueRateLimitPrefix } from './support/gateway-harness';
import { GATEWAY_SERVICE, GatewayAppModule } from '../src/gateway-app.module';
import { UPSTREAM_ROUTES } from '../src/proxy/upstream-routes';

const ADMIN_KEY = 'hub_0a1b2c3d_' + 'F'.repeat(43);

// Stands in for every service: accepts anything, so that whatever the gateway refuses, it refused itself.
let forwarded = 0;
const upstream = createServer((req, res) => {
  forwarded++;
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});

afterAll(() => new Promise((resolve) => upstream.close(resolve)));

/** The proxied resources from the gateway's own routing table, each as a collection and as an item. */
const proxiedRoutes: FuzzRoute[] = UPSTREAM_ROUTES.flatMap((route) =>
  route.resources.flatMap((resource) =>
    ['GET', 'POST', 'PUT', 'DELETE'].flatMap((method) => [
      { method, path: `/v1/${resource}`, pathParams: [], queryParams: [], bodyFields: [] },
      { method, path: `/v1/${resource}/{id}`, pathParams: ['id'], queryParams: [], bodyFields: [] },
    ]),
  ),
);

describeHostileInput(
  'gateway',
  async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    return startServiceUnderTest({
      service: GATEWAY_SERVICE,
      configClass: GatewayConfig,
      module: GatewayAppModule.forRoot,
      env: { CATALOGUE_URL: url, DOSSIER_URL: url, PAYMENT_URL: url, RATING_URL: url, GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: bootstrapAdminKeyHash(ADMIN_KEY), RATE_LIMIT_KEY_PREFIX: uniqueRateLimitPrefix() },
    });
  },
  async (gateway) => {
    const registered = await gateway.app.inject({
      method: 'POST',
      url: '/v1/admin/api-clients',
      headers: { 'x-api-key': ADMIN_KEY },
      payload: { clientId: 'fuzz-operator', name: 'Fuzz', kind: 'operator', roles: rolesOfKind('operator'), agencyCodes: [] },
    });
    const apiKey: string = registered.json().apiKey;
    return { extraRoutes: proxiedRoutes, credential: { header: 'x-api-key', value: () => apiKey }, forwardedRequests: () => forwarded };
  },
);
