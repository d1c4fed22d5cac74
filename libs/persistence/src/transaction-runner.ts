import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction; use cases depend on this, never on a repository's data source.
 * Repositories take the transaction's `EntityManager` as their first argument.
 */
export abstract class TransactionRunner {
  abstract run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
}

export class DataSourceTransactionRunner extends TransactionRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
