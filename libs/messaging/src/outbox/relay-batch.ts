/** An outbox row as the relay claims it (`id` is a bigint, which pg returns as a string; `payload` is JSON text, see CLAIM_SQL). */
export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: string;
  headers: Record<string, string>;
  created_at: Date;
}

/** What the claim statement found: whether this relay holds the relay lock, and the rows it locked if so. */
export interface Claim {
  locked: boolean;
  rows: OutboxRow[];
}

/**
 * The claim, with the relay lock in the same statement so that a cycle is BEGIN; claim; send; mark; COMMIT. The lock is
 * a materialised CTE (the lock function runs once, not per row) and the claim a lateral subquery behind a one-time
 * filter on it: a relay without the lock scans and locks nothing, and the statement always returns one row at least, so
 * that "not locked" and "nothing to publish" stay apart.
 *
 * The same CTE makes the cycle's commit asynchronous (`synchronous_commit = off`, for this transaction only): its COMMIT
 * then does not wait for the WAL flush. A mark lost in a crash only publishes those events again, which delivery is
 * at-least-once for anyway (consumers drop a repeated event id); the events themselves were committed by their writers
 * with the default, durable commit.
 *
 * The payload comes out as text (`payload::text`): jsonb's own output, the same keys in the same order as the parsed
 * object would have, with a space after each `:` and `,`. The relay sends that text as the message value. Parsing
 * it into objects only to write it back (pg's jsonb parser, then `JSON.stringify` for the byte bound and again for
 * the message) was the relay's largest cost on a sync batch.
 */
export const CLAIM_SQL = `
  WITH l AS MATERIALIZED (SELECT pg_try_advisory_xact_lock($2) AS locked, set_config('synchronous_commit', 'off', true) AS commit_mode)
  SELECT l.locked, o.id, o.topic, o.key, o.payload, o.headers, o.created_at FROM l LEFT JOIN LATERAL (
    SELECT id, topic, key, payload::text AS payload, headers, created_at FROM outbox
     WHERE l.locked AND published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
  ) o ON true`;

/** The claim statement's result as a Claim: the row of a relay without the lock or of an empty outbox has no id. */
export function toClaim(result: Array<Partial<OutboxRow> & { locked: boolean }>): Claim {
  const locked = result.length > 0 && result[0].locked;
  const rows = result.filter((r) => r.id != null).map(({ locked: _, ...row }) => row as OutboxRow);
  return { locked, rows };
}

/**
 * Whether rows may still wait after a batch of `taken` rows out of `claimed`: the claim was full (`batchSize`), or the
 * byte bound left some claimed rows behind. Otherwise the claim saw every pending row, and a commit after it NOTIFYs.
 */
export function rowsLeftBehind(claimed: number, taken: number, batchSize: number): boolean {
  return claimed >= batchSize || taken < claimed;
}

/** What a row weighs on the wire, roughly: key, value and headers (Kafka's own framing adds a few dozen bytes). */
export function rowBytes(row: OutboxRow): number {
  let bytes = Buffer.byteLength(row.key) + Buffer.byteLength(row.payload);
  const headers = row.headers;
  // Keys, not entries: no [name, value] pair per header of every event (~1 % of a sync batch's allocations).
  for (const name of Object.keys(headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(String(headers[name]));
  return bytes;
}

/** The longest prefix of `rows` within `maxBytes`, and always the first row (alone, if it is larger). */
export function withinBytes(rows: OutboxRow[], maxBytes: number): OutboxRow[] {
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    total += rowBytes(rows[i]);
    if (total > maxBytes && i > 0) return rows.slice(0, i);
  }
  return rows;
}

export function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: row.payload, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
