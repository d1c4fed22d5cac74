import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServiceUnderTest, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { bootstrapAdminKeyHash } from '../../src/api-client/bootstrap-admin';
import { GatewayConfig } from '../../src/config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule, type GatewayModuleOptions } from '../../src/gateway-app.module';

export type Gateway = ServiceUnderTest<GatewayConfig>;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
  delayMs?: number;
}

/** A stand-in for every service on loopback: records what the gateway sent and answers as told. */
export async function startFakeUpstream(answer: (req: SeenRequest) => FakeAnswer = () => ({ status: 200, body: {} })) {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(request);
      const out = answer(request);
      setTimeout(() => res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.body)), out.delayMs ?? 0);
    });
  });
  // As the services (Fastify's default): node's 5 s would close idle connections the gateway's client may still reuse.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const TEST_ADMIN_KEY = 'hub_0a1b2c3d_' + 'C'.repeat(43);

/** A Redis key prefix of its own, so that test runs never share rate-limit buckets. */
export const uniqueRateLimitPrefix = () => `hub:test:${uniqueSuffix()}:`;

/**
 * A gateway in-process whose four services are `upstreamUrl`; `env` may point DATABASE_URL at another gateway's
 * database, RATE_LIMIT_KEY_PREFIX at another gateway's buckets, CLIENT_CHANGES_CHANNEL at its channel; `options` may replace its deprecation table.
 */
export function startGateway(upstreamUrl: string, env: Record<string, string> = {}, options: GatewayModuleOptions = {}): Promise<Gateway> {
  return startServiceUnderTest({
    service: GATEWAY_SERVICE,
    configClass: GatewayConfig,
    module: (config) => GatewayAppModule.forRoot(config, options),
    env: {
      CATALOGUE_URL: upstreamUrl,
      DOSSIER_URL: upstreamUrl,
      PAYMENT_URL: upstreamUrl,
      RATING_URL: upstreamUrl,
      GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: bootstrapAdminKeyHash(TEST_ADMIN_KEY),
      RATE_LIMIT_KEY_PREFIX: uniqueRateLimitPrefix(),
      CLIENT_CHANGES_CHANNEL: `hub:test:${uniqueSuffix()}:client-changed`,
      ...env,
    },
  });
}

/** A second replica: same database, rate-limit buckets and client-change channel as `first`. Close it with closeReplica. */
export function startReplica(first: Gateway, upstreamUrl: string, env: Record<string, string> = {}): Promise<Gateway> {
  const { DATABASE_URL, RATE_LIMIT_KEY_PREFIX, CLIENT_CHANGES_CHANNEL } = first.config;
  return startGateway(upstreamUrl, { DATABASE_URL, RATE_LIMIT_KEY_PREFIX, CLIENT_CHANGES_CHANNEL, ...env });
}

/** Stops a replica started with startReplica, dropping only its own (unused) throwaway database. */
export async function closeReplica(replica: Gateway): Promise<void> {
  await replica.app.close();
  await replica.db.drop();
}

/** Registers a client through the admin API and returns its API key. */
export async function registerClient(gateway: Gateway, clientId: string, extra: object = {}): Promise<string> {
  const res = await gateway.app.inject({
    method: 'POST',
    url: '/v1/admin/api-clients',
    headers: { 'x-api-key': TEST_ADMIN_KEY },
    payload: { clientId, name: clientId, kind: 'portal', roles: ['dossier:submit', 'dossier:read'], agencyCodes: [], ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`registering ${clientId}: ${res.statusCode} ${res.body}`);
  return res.json().apiKey;
}
