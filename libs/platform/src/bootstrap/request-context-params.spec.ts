import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { BaseServiceConfig } from '../config/base-service.config';
import type { EventTrace, RequestContext } from '../context/request-context';
import { generateIdentityKeys } from '../identity/identity-keys';
import { Public, RequestContextParam, Trace } from '../identity/identity.decorators';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from './create-service-app';

const config = Object.assign(new BaseServiceConfig(), {
  PORT: 0,
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
});

/** What a handler is handed of its request: the context, and the trace a command carries to the events it writes. */
@Public()
@Controller('probe')
class ProbeController {
  @Get()
  async probe(@RequestContextParam() context: RequestContext, @Trace() trace: EventTrace) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { context: context.correlationId, trace };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

async function start(): Promise<NestFastifyApplication> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createServiceApp(ProbeModule, { service: 'probe', config, logger: createLogger('probe', 'info', silent) });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('a request context handed to the handler', () => {
  it('carries each concurrent request its own correlation id, and a fresh one to a request without', async () => {
    const app = await start();
    try {
      const ask = async (headers: Record<string, string>) => {
        const response = await app.inject({ method: 'GET', url: '/probe', headers });
        return { body: response.json(), echoed: response.headers['x-correlation-id'] };
      };
      const answers = await Promise.all(['corr-a', 'corr-b', 'corr-c'].map((id) => ask({ 'x-correlation-id': id })));
      expect(answers.map((a) => a.body)).toEqual(['corr-a', 'corr-b', 'corr-c'].map((id) => ({ context: id, trace: { correlationId: id } })));

      const fresh = await ask({});
      expect(fresh.body.context).toMatch(/^[0-9a-f-]{36}$/);
      expect(fresh.body.trace).toEqual({ correlationId: fresh.body.context });
      expect(fresh.echoed).toBe(fresh.body.context);
    } finally {
      await app.close();
    }
  });
});

/**
 * On Node 20 one AsyncLocalStorage, once run, makes every promise of the process run a hook until it is disabled
 * (3–6 % of an app's CPU per intake, measured with `npm run bench -- intake-ab`). Context is passed explicitly.
 */
describe('no ambient context', () => {
  const root = join(__dirname, '../../../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.ts$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name) ? [path] : [];
    });

  it('no service or library source imports async_hooks (AsyncLocalStorage, createHook)', () => {
    const files = ['apps', 'libs'].flatMap((top) =>
      readdirSync(join(root, top))
        .map((project) => join(root, top, project, 'src'))
        .filter((src) => statSync(src, { throwIfNoEntry: false })?.isDirectory())
        .flatMap(sources),
    );
    expect(files.length).toBeGreaterThan(100);
    // The one exception keeps no context: it replaces Node 20's costly AsyncResource#bind (async-resource-bind.ts).
    const allowed = join(__dirname, 'async-resource-bind.ts');
    const offenders = files.filter((file) => file !== allowed && /['"](?:node:)?async_hooks['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => file.slice(root.length + 1))).toEqual([]);
  });
});
