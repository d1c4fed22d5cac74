/**
 * At most this many characters of JSON in one text parameter. A string of more than ~64 K two-byte characters (any
 * character outside Latin-1 makes a string two-byte: Vietnamese does) is a large object in V8's heap: fresh pages,
 * faulted in at every use on these machines. node-postgres flattens each parameter string before encoding it, so one
 * JSON parameter of a 1,000-record batch (~1.5 MB) cost a fresh ~3 MB string per statement (`docs/performance.md`).
 */
export const JSON_CHUNK_CHARS = 30_000;

/**
 * Rows as JSON text parameters of whole rows, each a JSON array of at most ~`maxChars` characters (a single row
 * longer than that is a chunk of its own), in order. `jsonChunksFrom` reads them back in a statement.
 */
export function jsonChunks(rows: readonly unknown[], maxChars = JSON_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let part: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (part.length > 0 && size + json.length > maxChars) {
      chunks.push(`[${part.join(',')}]`);
      part = [];
      size = 0;
    }
    part.push(json);
    size += json.length + 1;
  }
  if (part.length > 0) chunks.push(`[${part.join(',')}]`);
  return chunks;
}

/**
 * The `FROM` item that reads `count` parameters made by `jsonChunks`, from `$first` on: one row per chunk,
 * `<alias>.rows` (jsonb, the chunk's array) and `<alias>.n` (its position, from 1). Expand each with
 * `jsonb_populate_recordset(NULL::<table>, <alias>.rows)` or `jsonb_array_elements(<alias>.rows) WITH ORDINALITY`,
 * and order by `<alias>.n` first where order matters.
 */
export function jsonChunksFrom(first: number, count: number, alias = 'chunk'): string {
  if (!Number.isInteger(first) || first < 1 || !Number.isInteger(count) || count < 1) throw new Error(`jsonChunksFrom: no parameters $${first} × ${count}`);
  const params = Array.from({ length: count }, (_, i) => `$${first + i}::text`).join(', ');
  return `ROWS FROM (unnest(ARRAY[${params}]::jsonb[])) WITH ORDINALITY AS ${alias}(rows, n)`;
}
