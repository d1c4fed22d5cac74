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
  IDENTITY_SIGNING_KEY: 'k'.repeat(32),
});

describe('startServiceApp', () => {
  it('listens on loopback by default and closes the app on SIGTERM before exiting 0', async () => {
    const app = await createServiceApp(TinyModule, { service: 'tiny', config, logger: createLogger('tiny', 'silent') });
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const sigintListeners = process.listeners('SIGINT');
    try {
      await startServiceApp(app, 0);
      const address = app.getHttpServer().address();
      expect(address).toMatchObject({ address: '127.0.0.1' });
      const port = (address as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(res.status).toBe(200);

      process.emit('SIGTERM');
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (exit.mock.calls.length > 0) {
            clearInterval(poll);
            resolve();
          }
        }, 5);
      });
      expect(exit).toHaveBeenCalledWith(0);
      expect(stopped).toEqual(['relay']);
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    } finally {
      exit.mockRestore();
      // SIGTERM's once-listener fired; the SIGINT one is still installed.
      for (const listener of process.listeners('SIGINT')) {
        if (!sigintListeners.includes(listener)) process.removeListener('SIGINT', listener);
      }
    }
  });

  it('binds the address HTTP_HOST names', async () => {
    const app = await createServiceApp(TinyModule, { service: 'tiny', config: { ...config, HTTP_HOST: '127.0.0.2' }, logger: createLogger('tiny', 'silent') });
    const listeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
    try {
      await startServiceApp(app, 0);
      expect(app.getHttpServer().address()).toMatchObject({ address: '127.0.0.2' });
    } finally {
      await app.close();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        for (const listener of process.listeners(signal)) if (!listeners[signal].includes(listener)) process.removeListener(signal, listener);
      }
    }
  });

  it('refuses an application not built by createServiceApp', async () => {
    await expect(startServiceApp({} as never, 0)).rejects.toThrow('createServiceApp');
  });
});
