import type { PoolClient } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs a hot statement as a named prepared statement on the connection of `on` (a transaction's EntityManager or a
 * connected QueryRunner): PostgreSQL parses and plans it once per connection, then reuses the plan (a generic one
 * after five runs, when it costs no more), instead of parsing and planning it on every call — for the intake's
 * statement, a quarter of its time in the server. For statements run many times with the same text only: `name`
 * belongs to one text (node-postgres refuses a name reused with another text on the same connection).
 *
 * Not for a statement whose best plan depends on a table's size when that size swings, such as a queue emptied as
 * fast as it fills: the generic plan made while the table was small (a sequential scan) stays until an analyze of the
 * table replans it. The outbox relay's delete was one (`docs/performance.md`).
 */
export async function queryPrepared<T = Record<string, unknown>>(on: EntityManager | QueryRunner, name: string, text: string, values: readonly unknown[]): Promise<T[]> {
  const runner = isQueryRunner(on) ? on : on.queryRunner;
  if (!runner) throw new Error(`queryPrepared(${name}): needs a transaction's EntityManager or a QueryRunner`);
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<T & object>({ name, text, values: [...values] });
  return result.rows;
}

function isQueryRunner(on: EntityManager | QueryRunner): on is QueryRunner {
  return typeof (on as QueryRunner).startTransaction === 'function';
}
