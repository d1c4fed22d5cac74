// Throwaway PostgreSQL databases and one-off queries (pg, from the workspace's dependencies).
import pg from 'pg';
import { databaseUrl } from './infra.mjs';
import { randomSuffix } from './util.mjs';

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Connects to `url`, runs `fn(client)`, always disconnects. */
export async function withPg(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A pg Pool for the harness's own queries. Its `end()` resolves once it has asked its clients to close, not once they
 * have; a database dropped WITH (FORCE) at the end of a scenario then terminates them, and the 'error' an idle client
 * emits for it would crash the harness (an 'error' event without a listener). A failed query still rejects.
 */
export function benchPool(connectionString, max) {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}

/** `hub_bench_<label>_<random>`: unique per run, recognisable, valid as a PostgreSQL identifier. */
export function benchDatabaseName(label) {
  const name = `hub_bench_${label.replace(/[^a-z0-9_]/g, '_')}_${randomSuffix()}`;
  if (!NAME.test(name)) throw new Error(`bad database name ${name}`);
  return name;
}

export async function createDatabase(serverUrl, name) {
  if (!NAME.test(name)) throw new Error(`bad database name ${name}`);
  await withPg(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(serverUrl, name);
}

/** Drops `name` (terminating leftover connections). Refuses anything that is not a bench database. */
export async function dropDatabase(serverUrl, name) {
  if (!NAME.test(name) || !name.startsWith('hub_bench_')) throw new Error(`refusing to drop ${name}`);
  await withPg(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
