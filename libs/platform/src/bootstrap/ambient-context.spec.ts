import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { BaseServiceConfig } from '../config/base-service.config';
import { currentCorrelationId, type RequestContext } from '../context/request-context';
import { generateIdentityKeys } from '../identity/identity-keys';
import { Public, RequestContextParam } from '../identity/identity.decorators';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from './create-service-app';

const config = Object.assign(new BaseServiceConfig(), {
  PORT: 0,
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
});

/** What a handler sees of its request's correlation id: handed to it, and ambient after an await. */
@Public()
@Controller('probe')
class ProbeController {
  @Get()
  async probe(@RequestContextParam() context: RequestContext) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { handed: context.correlationId, ambient: currentCorrelationId() ?? null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

async function start(ambientContext: boolean | undefined): Promise<NestFastifyApplication> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createServiceApp(ProbeModule, { service: 'probe', config, logger: createLogger('probe', 'info', silent), ambientContext });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const probe = async (app: NestFastifyApplication, correlationId: string) =>
  (await app.inject({ method: 'GET', url: '/probe', headers: { 'x-correlation-id': correlationId } })).json();

describe('the ambient request context', () => {
  it('is open by default, and concurrent requests keep their own', async () => {
    const app = await start(undefined);
    try {
      const answers = await Promise.all(['corr-a', 'corr-b', 'corr-c'].map((id) => probe(app, id)));
      expect(answers).toEqual([
        { handed: 'corr-a', ambient: 'corr-a' },
        { handed: 'corr-b', ambient: 'corr-b' },
        { handed: 'corr-c', ambient: 'corr-c' },
      ]);
    } finally {
      await app.close();
    }
  });

  it('stays closed for a service that turns it off (the gateway): the handler is handed its context, nothing deeper sees it', async () => {
    const app = await start(false);
    try {
      await expect(probe(app, 'corr-handed')).resolves.toEqual({ handed: 'corr-handed', ambient: null });
    } finally {
      await app.close();
    }
  });
});
