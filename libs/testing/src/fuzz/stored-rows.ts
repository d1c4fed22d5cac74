import { Client } from 'pg';

/**
 * Row counts of every table of a service database, but those a service's Kafka consumers fill (they read the
 * shared test broker from the beginning, so their tables move whatever the HTTP requests do).
 */
export async function storedRowCounter(databaseUrl: string, writtenByConsumers: string[] = []): Promise<{ counts(): Promise<Record<string, number>>; close(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const tables = rows.map((r) => r.name).filter((name) => name !== 'migrations' && !writtenByConsumers.includes(name));
  const sql = tables.map((name) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`).join(' UNION ALL ');
  return {
    counts: async () => (sql ? Object.fromEntries((await client.query<{ name: string; n: number }>(sql)).rows.map((r) => [r.name, r.n])) : {}),
    close: () => client.end(),
  };
}
