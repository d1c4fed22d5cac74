import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@hub/persistence';
import { parseBrokerList } from '@hub/platform';
import { databaseUrl } from './infra/infrastructure';

export interface TestInfrastructure {
  kafkaBrokers: string[];
  postgresUrl: string;
}

/** What the jest global setup resolved. */
export function testInfrastructure(): TestInfrastructure {
  const postgresUrl = process.env.HUB_TEST_POSTGRES_URL;
  const brokers = process.env.HUB_TEST_KAFKA_BROKERS;
  if (!postgresUrl || !brokers) throw new Error('Integration tests need the jest globalSetup from @hub/testing (libs/testing/src/jest/global-setup.ts)');
  return { postgresUrl, kafkaBrokers: parseBrokerList(brokers) };
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
