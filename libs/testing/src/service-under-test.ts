import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createServiceApp,
  generateIdentityKeys,
  IDENTITY_HEADER,
  loadConfig,
  parseIdentitySigningKey,
  signIdentity,
  type BaseServiceConfig,
  type CallerIdentity,
  type IdentityBinding,
  type IdentityPublicKeys,
  parseIdentityPublicKeys,
} from '@hub/platform';
import { createTestDatabase, testInfrastructure, testKafkaEnv, uniqueSuffix, type TestDatabase } from './test-environment';

export interface ServiceUnderTest<C> {
  app: NestFastifyApplication;
  config: C;
  db: TestDatabase;
  /**
   * An `x-hub-identity` header for the caller. A real identity is bound to one request (service, method, path) and
   * used once, so this returns a test placeholder that the harness signs, as the gateway would, for the request it
   * arrives on; the service then verifies a real Ed25519 identity.
   */
  identity(caller: Partial<CallerIdentity> & Pick<CallerIdentity, 'roles'>): string;
  /** The public key that verifies the identities the harness (or a gateway under test) signs. */
  identityKeys: IdentityPublicKeys;
  /** A real identity bound to `binding`, exactly as the gateway signs it (for replay and binding tests). */
  signedIdentity(caller: Partial<CallerIdentity> & Pick<CallerIdentity, 'roles'>, binding: Omit<IdentityBinding, 'audience'> & { audience?: string }): string;
  close(): Promise<void>;
}

const TEST_KEYS = generateIdentityKeys('it-gateway');
const TEST_SIGNING_KEY = parseIdentitySigningKey(TEST_KEYS.signingKey);
const PLACEHOLDER = 'test-identity:';
const placeholderOf = (caller: CallerIdentity) => `${PLACEHOLDER}${Buffer.from(JSON.stringify(caller)).toString('base64url')}`;
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
    // In-process services under test connect as the broker's admin (tests also drive topics the service does not own).
    ...testKafkaEnv(opts.service, testInfrastructure().kafkaAuth?.admin),
    KAFKA_GROUP_ID: `${opts.service}-it-${uniqueSuffix()}`,
    IDENTITY_PUBLIC_KEYS: TEST_KEYS.publicKeys,
    // Only the gateway signs.
    ...(opts.service === 'gateway' ? { IDENTITY_SIGNING_KEY: TEST_KEYS.signingKey } : {}),
    LOOKUP_KEY_SECRET: TEST_LOOKUP_KEY_SECRET,
    LOG_LEVEL: 'warn',
    // Tests read what a use case wrote from its outbox, and the service's relay runs meanwhile: it keeps the rows it
    // sent instead of deleting them (the default, run by libs/messaging's relay tests and the benchmarks).
    OUTBOX_RETENTION_HOURS: '1',
    ...opts.env,
  });
  // A service that fails to start leaves nothing behind: no open pools or consumers, no database.
  const dropAndThrow = async (error: unknown): Promise<never> => {
    await db.drop().catch(() => undefined);
    throw error;
  };
  const app = await createServiceApp(opts.module(config), { service: opts.service, config }).catch(dropAndThrow);
  // The gateway's part: sign the caller of a placeholder for the request it arrived on.
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request) => {
    const header = request.headers[IDENTITY_HEADER];
    if (typeof header !== 'string' || !header.startsWith(PLACEHOLDER)) return;
    const caller = JSON.parse(Buffer.from(header.slice(PLACEHOLDER.length), 'base64url').toString('utf8')) as CallerIdentity;
    request.headers[IDENTITY_HEADER] = signIdentity(caller, TEST_SIGNING_KEY, { audience: opts.service, method: request.method, path: request.url });
  });
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
    identityKeys: parseIdentityPublicKeys(TEST_KEYS.publicKeys),
    identity: (caller) => placeholderOf({ clientId: 'test-client', kind: 'portal', agencyCodes: [], ...caller }),
    signedIdentity: (caller, binding) =>
      signIdentity({ clientId: 'test-client', kind: 'portal', agencyCodes: [], ...caller }, TEST_SIGNING_KEY, { audience: opts.service, ...binding }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
