import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@hub/persistence';
import { parseBrokerList } from '@hub/platform';
import type { SASLOptions } from 'kafkajs';
import { databaseUrl, serviceKafkaCredential, type KafkaAuth, type KafkaCredential } from './infra/infrastructure';

export interface TestInfrastructure {
  kafkaBrokers: string[];
  postgresUrl: string;
  /** The broker's principals when it authenticates clients (SASL/SCRAM). */
  kafkaAuth?: KafkaAuth;
}

/** What the jest global setup resolved. */
export function testInfrastructure(): TestInfrastructure {
  const env = process.env;
  const postgresUrl = env.HUB_TEST_POSTGRES_URL;
  const brokers = env.HUB_TEST_KAFKA_BROKERS;
  if (!postgresUrl || !brokers) throw new Error('Integration tests need the jest globalSetup from @hub/testing (libs/testing/src/jest/global-setup.ts)');
  const kafkaAuth: KafkaAuth | undefined =
    env.HUB_TEST_KAFKA_USERNAME && env.HUB_TEST_KAFKA_PASSWORD
      ? {
          mechanism: env.HUB_TEST_KAFKA_SASL_MECHANISM === 'scram-sha-256' ? 'scram-sha-256' : 'scram-sha-512',
          admin: { username: env.HUB_TEST_KAFKA_USERNAME, password: env.HUB_TEST_KAFKA_PASSWORD },
          credentialsFile: env.HUB_TEST_KAFKA_CREDENTIALS_FILE,
        }
      : undefined;
  return { postgresUrl, kafkaBrokers: parseBrokerList(brokers), kafkaAuth };
}

/** A kafkajs connection to the test broker as its admin principal (or unauthenticated against a broker without SASL). */
export function testKafkaConnection(): { brokers: string[]; sasl?: SASLOptions } {
  const sasl = testKafkaSasl();
  return { brokers: testInfrastructure().kafkaBrokers, ...(sasl ? { sasl: sasl as SASLOptions } : {}) };
}

/** The admin principal as SASL options (MessagingModule's `sasl`), or undefined for a broker without SASL. */
export function testKafkaSasl(): { mechanism: KafkaAuth['mechanism']; username: string; password: string } | undefined {
  const { kafkaAuth } = testInfrastructure();
  return kafkaAuth ? { mechanism: kafkaAuth.mechanism, ...kafkaAuth.admin } : undefined;
}

/**
 * The environment a service needs to reach the test broker: `service`'s own principal when the broker has
 * per-service principals (so apps under test run with their real ACLs), else the admin; nothing without SASL.
 */
export function testKafkaEnv(service: string, credential?: KafkaCredential): Record<string, string> {
  const { kafkaBrokers, kafkaAuth } = testInfrastructure();
  if (!kafkaAuth) return { KAFKA_BROKERS: kafkaBrokers.join(',') };
  const who = credential ?? serviceKafkaCredential(kafkaAuth, service);
  return { KAFKA_BROKERS: kafkaBrokers.join(','), KAFKA_USERNAME: who.username, KAFKA_PASSWORD: who.password, KAFKA_SASL_MECHANISM: kafkaAuth.mechanism };
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A throwaway database with a unique name (`hub_test_<label>_<random>`). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `hub_test_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(testInfrastructure().postgresUrl, name);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

/** A suffix that keeps consumer groups and other Kafka names of one test run apart from another's. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
