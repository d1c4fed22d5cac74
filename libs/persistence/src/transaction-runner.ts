import type { DataSource, EntityManager } from 'typeorm';
import { sentStatementsSettled } from './send-now';

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
    return runTransaction(this.dataSource, work);
  }
}

/**
 * `dataSource.transaction(work)` that commits only when `work` resolves and every statement it sent with `sendNow`
 * succeeded; otherwise rolls back, once those statements have settled (the connection is then idle). Every
 * transaction of the services goes through here: `TransactionRunner` for use cases, the event consumers for handlers.
 */
export function runTransaction<T>(dataSource: Pick<DataSource, 'transaction'>, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (tx) => {
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await sentStatementsSettled(tx).catch(() => undefined);
      throw error;
    }
    await sentStatementsSettled(tx);
    return result;
  });
}
