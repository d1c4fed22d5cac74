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
  if (infra.kafkaAuth) {
    process.env.HUB_TEST_KAFKA_SASL_MECHANISM = infra.kafkaAuth.mechanism;
    process.env.HUB_TEST_KAFKA_USERNAME = infra.kafkaAuth.admin.username;
    process.env.HUB_TEST_KAFKA_PASSWORD = infra.kafkaAuth.admin.password;
    if (infra.kafkaAuth.credentialsFile) process.env.HUB_TEST_KAFKA_CREDENTIALS_FILE = infra.kafkaAuth.credentialsFile;
  }
  (globalThis as { __hubInfra?: typeof infra }).__hubInfra = infra;
  console.log(`\n[infra] ${infra.source}: postgres ${infra.postgresUrl.replace(/:[^:@/]*@/, ':***@')}, kafka ${infra.kafkaBrokers.join(',')}${infra.kafkaAuth ? ` (SASL ${infra.kafkaAuth.mechanism} as ${infra.kafkaAuth.admin.username})` : ' (no SASL)'}`);
}
