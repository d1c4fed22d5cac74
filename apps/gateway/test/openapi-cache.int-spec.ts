import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { GatewayConfig } from '../src/config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule } from '../src/gateway-app.module';

const NOWHERE = 'http://127.0.0.1:9'; // nothing listens on the discard port

/** A stand-in service that counts how often its document is asked for; `up` decides whether it answers. */
function countingService(): Promise<{ server: Server; url: string; hits: () => number; setUp: (up: boolean) => void }> {
  let hits = 0;
  let up = true;
  const server = createServer((req, res) => {
    if (req.url !== '/docs-json') return void res.writeHead(404).end();
    hits++;
    if (!up) return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":503}');
    const doc = { openapi: '3.0.0', info: { title: 'catalogue', version: '1' }, paths: { '/v1/counted-things': { get: { responses: { 200: { description: 'ok' } } } } } };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, setUp: (v) => (up = v) }),
    ),
  );
}

describe('gateway: the merged OpenAPI document while services are down', () => {
  let gateway: ServiceUnderTest<GatewayConfig>;
  let catalogue: Awaited<ReturnType<typeof countingService>>;
  let dossier: Awaited<ReturnType<typeof countingService>>;

  beforeAll(async () => {
    catalogue = await countingService();
    dossier = await countingService();
    dossier.setUp(false);
    gateway = await startServiceUnderTest({
      service: GATEWAY_SERVICE,
      configClass: GatewayConfig,
      module: GatewayAppModule.forRoot,
      env: { CATALOGUE_URL: catalogue.url, DOSSIER_URL: dossier.url, PAYMENT_URL: NOWHERE, RATING_URL: NOWHERE },
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([catalogue, dossier].map((s) => s && new Promise((r) => s.server.close(r))));
  });

  const openapi = () => gateway.app.inject({ method: 'GET', url: '/openapi.json' });

  it('asks a down service once for 40 readers, and says which services are missing', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, openapi));
    for (let i = 0; i < 20; i++) answers.push(await openapi());
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(dossier.hits()).toBe(1);
    expect(catalogue.hits()).toBe(1);
    const doc = answers[0].json();
    expect(doc.paths['/v1/counted-things']).toBeDefined();
    expect(doc.info.description).toContain('dossier');
  });

  it('keeps the last document of a service that stops answering', async () => {
    catalogue.setUp(false);
    // Past the retry window of an incomplete document (10 s), the services are asked again.
    await new Promise((r) => setTimeout(r, 10_500));
    const doc = (await openapi()).json();
    expect(catalogue.hits()).toBe(2);
    expect(doc.paths['/v1/counted-things']).toBeDefined();
    expect(doc.info.description).not.toContain('catalogue');
  }, 30_000);
});
