import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BaseServiceConfig } from '../config/base-service.config';
import type { CallerIdentity } from '../identity/caller-identity';
import { Caller } from '../identity/identity.decorators';
import { generateIdentityKeys, parseIdentitySigningKey } from '../identity/identity-keys';
import { signIdentity } from '../identity/identity-token';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from './create-service-app';

// Two services behind one gateway key, reached over real HTTP: a header captured on the way to one of them
// must not open anything else, nor the same thing twice, nor the same thing later.
const KEYS = generateIdentityKeys('gw1');
const GATEWAY_KEY = parseIdentitySigningKey(KEYS.signingKey);
const operator: CallerIdentity = { clientId: 'ops', kind: 'operator', agencyCodes: [], roles: ['hub:admin'] };

@Controller('v1/things')
class ThingsController {
  @Get()
  list(@Caller() caller: CallerIdentity) {
    return { clientId: caller.clientId };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

async function start(service: string): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = Object.assign(new BaseServiceConfig(), {
    PORT: 0,
    DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
    KAFKA_BROKERS: '127.0.0.1:9092',
    IDENTITY_PUBLIC_KEYS: KEYS.publicKeys,
  });
  const app = await createServiceApp(ThingsModule, { service, config, logger: createLogger(service, 'silent') });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('a captured x-hub-identity header', () => {
  let dossier: { app: NestFastifyApplication; url: string };
  let payment: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    dossier = await start('dossier');
    payment = await start('payment');
  });

  afterAll(async () => {
    await Promise.all([dossier?.app.close(), payment?.app.close()]);
    jest.restoreAllMocks();
  });

  const get = (base: string, path: string, header: string) =>
    fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, { headers: { 'x-hub-identity': header } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { code?: string; clientId?: string },
    }));
  const signFor = (audience: string, path: string, now = Date.now()) => signIdentity(operator, GATEWAY_KEY, { audience, method: 'GET', path }, now);

  it('works once, for the service, method and path it was signed for', async () => {
    const header = signFor('dossier', '/v1/things?limit=5');
    expect(await get(dossier.url, '/v1/things?limit=5', header)).toEqual({ status: 200, body: { clientId: 'ops' } });
  });

  it('is refused when replayed at the same service', async () => {
    const header = signFor('dossier', '/v1/things');
    expect((await get(dossier.url, '/v1/things', header)).status).toBe(200);
    expect(await get(dossier.url, '/v1/things', header)).toMatchObject({ status: 401, body: { code: 'IDENTITY_REPLAYED' } });
  });

  it('is refused at another service, even unused', async () => {
    const header = signFor('dossier', '/v1/things');
    expect(await get(payment.url, '/v1/things', header)).toMatchObject({ status: 401, body: { code: 'IDENTITY_INVALID' } });
  });

  it('is refused on another path or query', async () => {
    const header = signFor('dossier', '/v1/things?limit=5');
    expect(await get(dossier.url, '/v1/things?limit=500', header)).toMatchObject({ status: 401, body: { code: 'IDENTITY_INVALID' } });
  });

  it('is refused after its lifetime of a few seconds, even never used', async () => {
    const issued = Date.now();
    const header = signFor('payment', '/v1/things', issued);
    jest.spyOn(Date, 'now').mockReturnValue(issued + 7_500);
    expect(await get(payment.url, '/v1/things', header)).toMatchObject({ status: 401, body: { code: 'IDENTITY_EXPIRED' } });
  });
});
