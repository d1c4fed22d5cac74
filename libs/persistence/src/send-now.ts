import type { PoolClient } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';

/** The statements `sendNow` sent in one transaction: each goes out when the one before has settled. */
interface Pipeline {
  /** Settles when the last statement sent has. */
  tail: Promise<void>;
  /** Statements sent or queued whose settling has not been seen yet: none, and the next goes out at once. */
  pending: number;
  /** The first failure, once one happened: the statements after it are not sent. */
  failure?: { error: unknown };
}
const pipelines = new WeakMap<QueryRunner, Pipeline>();

/**
 * Sends a statement on a transaction's connection, and resolves to its rows when PostgreSQL has run it. When none
 * of the transaction's statements is running, it goes out before this returns; one sent while another is running goes
 * out the moment that one answers, without waiting for the caller. So the caller can build the next statement (rows,
 * JSON) while PostgreSQL runs this one: statements pipelined within one transaction, in the order sent. (TypeORM's
 * `query` sends a statement only a few promise turns later, after the caller's synchronous work; node-postgres's own
 * queueing of a busy client is deprecated.)
 *
 * After a failure the statements queued behind it are not sent (they reject with "not sent"): the transaction is
 * aborted. Await every statement sent (`Promise.all` rejects with the first failure, which settles first);
 * `runTransaction` (under `TransactionRunner` and the event consumers' handlers) also waits for them
 * (`sentStatementsSettled`) before it commits or rolls back, and refuses to commit after a failure nobody awaited
 * (PostgreSQL would answer that COMMIT by rolling back, without an error). A rejection is never reported as
 * unhandled: its caller may have given up already. Errors are node-postgres's own (`code`, `constraint`, `detail`),
 * not TypeORM's `QueryFailedError`.
 */
export function sendNow<T = Record<string, unknown>>(tx: EntityManager, text: string, values: readonly unknown[]): Promise<T[]> {
  const runner = tx.queryRunner;
  // `databaseConnection` is TypeORM's (protected) node-postgres client of a connected query runner.
  const client = (runner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!runner?.isTransactionActive || !client) throw new Error('sendNow needs the EntityManager of a running transaction');
  const send = (): Promise<T[]> => client.query<T & object>(text, [...values]).then((result) => result.rows as T[]);
  const notSent = () => Promise.reject(new Error(`not sent: an earlier statement of this transaction failed (${text.slice(0, 60)})`));
  let pipeline = pipelines.get(runner);
  if (!pipeline) pipelines.set(runner, (pipeline = { tail: Promise.resolve(), pending: 0 }));
  const p = pipeline;
  const rows: Promise<T[]> = p.failure ? notSent() : p.pending === 0 ? send() : p.tail.then(() => (p.failure ? notSent() : send()));
  p.pending += 1;
  p.tail = rows.then(
    () => {
      p.pending -= 1;
    },
    (error: unknown) => {
      p.pending -= 1;
      if (!p.failure) p.failure = { error };
    },
  );
  rows.catch(() => undefined);
  return rows;
}

/**
 * Settles when every statement `sendNow` sent in this transaction has; rejects with the first failure among them. A
 * transaction that used `sendNow` must not commit before this resolves, nor roll back before it settles (the client
 * would be busy).
 */
export async function sentStatementsSettled(tx: EntityManager): Promise<void> {
  const pipeline = tx.queryRunner ? pipelines.get(tx.queryRunner) : undefined;
  if (!pipeline) return;
  await pipeline.tail;
  // The transaction ends here: a later one on the same query runner starts a pipeline of its own.
  if (tx.queryRunner) pipelines.delete(tx.queryRunner);
  if (pipeline.failure) throw pipeline.failure.error;
}
