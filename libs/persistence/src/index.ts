export * from './ensure-database';
export * from './messaging-tables.migration';
export * from './persistence.module';
export * from './run-migrations';
export * from './snake-naming.strategy';
export * from './transaction-runner';
export * from './outbox-parking.migration';
export * from './prepared-query';
