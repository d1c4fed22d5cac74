import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp, loadConfig, signIdentity, type BaseServiceConfig, type CallerIdentity } from '@hub/platform';
import { createTestDatabase, testInfrastructure, uniqueSuffix, type TestDatabase } from './test-environment';

export interface ServiceUnderTest<C> {
  app: NestFastifyApplication;
  config: C;
  db: TestDatabase;
  /** A fresh `x-hub-identity` header value, as the gateway would sign it. */
  identity(caller: Partial<CallerIdentity> & Pick<CallerIdentity, 'roles'>): string;
  close(): Promise<void>;
}

const TEST_SIGNING_KEY = 'integration-test-signing-key-0123456789abcdef';
/** Services other than dossier ignore it. Random per run: nothing may depend on its value. */
const TEST_LOOKUP_KEY_SECRET = randomBytes(32).toString('base64url');

/**
 * Boots one service in-process on its own throwaway database and a unique consumer group, against the
 * shared test broker.
 */
export async function startServiceUnderTest<C extends BaseServiceConfig>(opts: {
  service: string;
  configClass: new () => C;
  module: (config: C) => DynamicModule;
  env?: Record<string, string>;
  /** Awaited after init, e.g. `(app) => app.get(MessagingLifecycle).ready()` so consumers have joined. */
  afterInit?: (app: NestFastifyApplication) => Promise<void>;
}): Promise<ServiceUnderTest<C>> {
  const db = await createTestDatabase(opts.service);
  const config = loadConfig(opts.configClass, {
    PORT: '0',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    KAFKA_GROUP_ID: `${opts.service}-it-${uniqueSuffix()}`,
    IDENTITY_SIGNING_KEY: TEST_SIGNING_KEY,
    LOOKUP_KEY_SECRET: TEST_LOOKUP_KEY_SECRET,
    LOG_LEVEL: 'warn',
    ...opts.env,
  });
  // A service that fails to start leaves nothing behind: no open pools or consumers, no database.
  const dropAndThrow = async (error: unknown): Promise<never> => {
    await db.drop().catch(() => undefined);
    throw error;
  };
  const app = await createServiceApp(opts.module(config), { service: opts.service, config }).catch(dropAndThrow);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await opts.afterInit?.(app);
  } catch (error) {
    await app.close().catch(() => undefined);
    await dropAndThrow(error);
  }
  return {
    app,
    config,
    db,
    identity: (caller) => signIdentity({ clientId: 'test-client', kind: 'portal', agencyCodes: [], ...caller }, TEST_SIGNING_KEY),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
