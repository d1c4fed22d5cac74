import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateIdentityKeys } from '../identity/identity-keys';
import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { BaseServiceConfig } from '../config/base-service.config';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from './create-service-app';
import { startServiceApp } from './start-service-app';

const stopped: string[] = [];

@Injectable()
class Relay implements OnApplicationShutdown {
  onApplicationShutdown() {
    stopped.push('relay');
  }
}

@Module({ providers: [Relay] })
class TinyModule {}

const config = Object.assign(new BaseServiceConfig(), {
  PORT: 0,
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
});

const LISTENED = ['SIGINT', 'SIGTERM', 'disconnect'] as const;

/** Resolves once process.exit was called (it is mocked). */
function exited(exit: jest.SpyInstance): Promise<void> {
  return new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (exit.mock.calls.length > 0) {
        clearInterval(poll);
        resolve();
      }
    }, 5);
  });
}

describe('startServiceApp', () => {
  let before: Record<(typeof LISTENED)[number], unknown[]>;
  let exit: jest.SpyInstance;
  beforeEach(() => {
    stopped.length = 0;
    const emitter: NodeJS.EventEmitter = process;
    before = { SIGINT: emitter.listeners('SIGINT'), SIGTERM: emitter.listeners('SIGTERM'), disconnect: emitter.listeners('disconnect') };
    exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
  });
  afterEach(() => {
    exit.mockRestore();
    // The once-listeners that did not fire are still installed.
    const emitter: NodeJS.EventEmitter = process;
    for (const event of LISTENED) {
      for (const listener of emitter.listeners(event)) if (!before[event].includes(listener)) emitter.removeListener(event, listener as () => void);
    }
  });

  it('listens on loopback by default and closes the app on SIGTERM before exiting 0', async () => {
    const app = await createServiceApp(TinyModule, { service: 'tiny', config, logger: createLogger('tiny', 'silent') });
    await startServiceApp(app, 0);
    const address = app.getHttpServer().address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    const port = (address as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(res.status).toBe(200);

    process.emit('SIGTERM');
    await exited(exit);
    expect(exit).toHaveBeenCalledWith(0);
    expect(stopped).toEqual(['relay']);
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });

  it('serves /metrics on METRICS_PORT only, not on the API port the gateway reaches', async () => {
    const metricsPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const app = await createServiceApp(TinyModule, { service: 'tiny-metrics', config: { ...config, METRICS_PORT: metricsPort }, logger: createLogger('tiny', 'silent') });
    try {
      await startServiceApp(app, 0);
      const apiPort = (app.getHttpServer().address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${apiPort}/metrics`)).status).toBe(404);
      const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('process_cpu_user_seconds_total');
      expect((await fetch(`http://127.0.0.1:${metricsPort}/health/live`)).status).toBe(404);
    } finally {
      await app.close();
    }
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  });

  it('binds the address HTTP_HOST names', async () => {
    const app = await createServiceApp(TinyModule, { service: 'tiny', config: { ...config, HTTP_HOST: '127.0.0.2' }, logger: createLogger('tiny', 'silent') });
    try {
      await startServiceApp(app, 0);
      expect(app.getHttpServer().address()).toMatchObject({ address: '127.0.0.2' });
    } finally {
      await app.close();
    }
  });

  it('stops like on SIGTERM when the parent that started it with an IPC channel goes away', async () => {
    const original = Object.getOwnPropertyDescriptor(process, 'channel');
    const unref = jest.fn();
    Object.defineProperty(process, 'channel', { value: { unref, ref: jest.fn() }, configurable: true });
    try {
      const app = await createServiceApp(TinyModule, { service: 'tiny', config, logger: createLogger('tiny', 'silent') });
      await startServiceApp(app, 0);
      expect(unref).toHaveBeenCalled(); // the channel alone never keeps the app alive
      process.emit('disconnect');
      await exited(exit);
      expect(exit).toHaveBeenCalledWith(0);
      expect(stopped).toEqual(['relay']);
    } finally {
      if (original) Object.defineProperty(process, 'channel', original);
      else delete (process as { channel?: unknown }).channel;
    }
  });

  it('refuses an application not built by createServiceApp', async () => {
    await expect(startServiceApp({} as never, 0)).rejects.toThrow('createServiceApp');
  });
});
