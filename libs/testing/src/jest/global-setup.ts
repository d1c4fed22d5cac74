import { resolveInfrastructure } from '../infra/infrastructure';

/**
 * Jest globalSetup for integration and e2e tiers: resolves the infrastructure once and hands it to the
 * workers through environment variables (workers inherit them).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.HUB_TEST_POSTGRES_URL && process.env.HUB_TEST_KAFKA_BROKERS) return;
  const infra = await resolveInfrastructure();
  process.env.HUB_TEST_POSTGRES_URL = infra.postgresUrl;
  process.env.HUB_TEST_KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.HUB_TEST_INFRA_SOURCE = infra.source;
  (globalThis as { __hubInfra?: typeof infra }).__hubInfra = infra;
  console.log(`\n[infra] ${infra.source}: postgres ${infra.postgresUrl.replace(/:[^:@/]*@/, ':***@')}, kafka ${infra.kafkaBrokers.join(',')}`);
}
