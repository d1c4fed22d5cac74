import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { DataSourceTransactionRunner, hubPgTypes, MESSAGING_MIGRATIONS, runMigrations, SnakeNamingStrategy } from '@hub/persistence';
import { createTestDatabase } from './test-environment';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

export interface MediumDatabase {
  dataSource: DataSource;
  transactions: DataSourceTransactionRunner;
  /** Closes the connections and drops the database. */
  close(): Promise<void>;
}

/**
 * The "medium" tier: a use case built by hand (no Nest, no Kafka) on a real throwaway database with the
 * service's own migrations, for use cases whose value is in their SQL. Run by the integration config.
 * Copy from apps/catalogue/test/medium/agency-hierarchy.int-spec.ts.
 */
export async function createMediumDatabase(label: string, options: { entities: EntityList; migrations: Array<new () => object> }): Promise<MediumDatabase> {
  const database = await createTestDatabase(`medium_${label}`);
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    entities: options.entities,
    migrations: [...MESSAGING_MIGRATIONS, ...options.migrations],
    namingStrategy: new SnakeNamingStrategy(),
    // As the services read: timestamptz by parseTimestamptz (PersistenceModule.forRoot).
    extra: { max: 4, types: hubPgTypes },
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    transactions: new DataSourceTransactionRunner(dataSource),
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
