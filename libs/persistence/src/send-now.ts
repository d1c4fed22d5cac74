import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Sends a statement on a transaction's connection before returning, and resolves to its rows when PostgreSQL has run
 * it. node-postgres writes it at once when the connection is idle, or queues it behind the statements already sent and
 * sends it the moment the one before completes, without waiting for the caller. So the caller can build the next
 * statement (rows, JSON) while PostgreSQL runs this one: statements pipelined within one transaction, in the order
 * sent. (TypeORM's `query` sends a statement only a few promise turns later, after the caller's synchronous work.)
 *
 * Await every statement sent, together (`Promise.all`), before the transaction commits: a failed statement aborts
 * the transaction and fails the ones queued after it, and PostgreSQL answers the COMMIT of an aborted transaction by
 * rolling it back without an error. The first failure in the order sent is the one `Promise.all` rejects with (it
 * settles first). Errors are node-postgres's own (`code`, `constraint`, `detail`), not TypeORM's `QueryFailedError`.
 * A statement still queued when the caller has given up (its transaction rolling back) fails unobserved: that
 * rejection is not reported as unhandled.
 */
export function sendNow<T = Record<string, unknown>>(tx: EntityManager, text: string, values: readonly unknown[]): Promise<T[]> {
  const runner = tx.queryRunner;
  // `databaseConnection` is TypeORM's (protected) node-postgres client of a connected query runner.
  const client = (runner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!runner?.isTransactionActive || !client) throw new Error('sendNow needs the EntityManager of a running transaction');
  const rows = client.query<T & object>(text, [...values]).then((result) => result.rows as T[]);
  rows.catch(() => undefined);
  return rows;
}
