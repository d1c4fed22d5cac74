import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { READINESS_CHECK, type ReadinessCheck } from '@hub/platform';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { MESSAGING_MIGRATIONS } from './outbox-parking.migration';
import { PgNotifications } from './pg-notifications';
import { hubPgTypes } from './pg-timestamptz';
import { runMigrations } from './run-migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { DataSourceTransactionRunner, TransactionRunner } from './transaction-runner';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

export interface PersistenceOptions {
  url: string;
  /** Entities not registered by a feature module (`PersistenceModule.forFeature`); usually none. */
  entities?: EntityList;
  /** The service's own migrations; the outbox/inbox migration is always added first. */
  migrations: Array<new () => object>;
  /** Run pending migrations at start-up (default true; set false where a separate job runs them). */
  runMigrations?: boolean;
  poolSize?: number;
}

const OPTIONS = Symbol('PERSISTENCE_OPTIONS');

@Module({})
export class PersistenceModule implements OnModuleInit {
  private readonly logger = new Logger('Persistence');

  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(OPTIONS) private readonly options: PersistenceOptions,
  ) {}

  static forRoot(options: PersistenceOptions): DynamicModule {
    const postgresCheck = {
      provide: READINESS_CHECK,
      inject: [getDataSourceToken()],
      useFactory: (ds: DataSource): ReadinessCheck => ({
        name: 'postgres',
        check: async () => {
          await ds.query('SELECT 1');
        },
      }),
    };
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabase(options.url);
            return {
              type: 'postgres' as const,
              url: options.url,
              entities: options.entities ?? [],
              // Each feature module registers its own entities with PersistenceModule.forFeature.
              autoLoadEntities: true,
              migrations: [...MESSAGING_MIGRATIONS, ...options.migrations],
              migrationsRun: false,
              synchronize: false,
              namingStrategy: new SnakeNamingStrategy(),
              // TypeORM hands `extra` to pg's Pool, which hands it to each Client: timestamptz read by parseTimestamptz.
              extra: { max: options.poolSize ?? 10, types: hubPgTypes },
            };
          },
        }),
      ],
      providers: [
        { provide: OPTIONS, useValue: options },
        postgresCheck,
        { provide: TransactionRunner, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new DataSourceTransactionRunner(ds) },
        PgNotifications,
      ],
      exports: [TypeOrmModule, postgresCheck, TransactionRunner, PgNotifications],
    };
  }

  /** Registers a feature module's entities with the service's data source: `imports: [PersistenceModule.forFeature([XEntity])]`. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  static forFeature(entities: Function[]): DynamicModule {
    return TypeOrmModule.forFeature(entities);
  }

  async onModuleInit(): Promise<void> {
    if (this.options.runMigrations === false) return;
    const applied = await runMigrations(this.dataSource);
    if (applied.length > 0) this.logger.log(`applied migrations: ${applied.join(', ')}`);
  }
}
