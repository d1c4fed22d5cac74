/**
 * At most this many characters of JSON in one text parameter. A string of more than ~64 K two-byte characters (any
 * character outside Latin-1 makes a string two-byte: Vietnamese does) is a large object in V8's heap: fresh pages,
 * faulted in at every use on these machines. node-postgres flattens each parameter string before encoding it, so one
 * JSON parameter of a 1,000-record batch (~1.5 MB) cost a fresh ~3 MB string per statement (`docs/performance.md`).
 */
export const JSON_CHUNK_CHARS = 30_000;

/** A chunk is sized for this share of the limit, so that rows a little longer than the ones before rarely overflow it. */
const FILL = 0.9;

/**
 * Rows as JSON text parameters of whole rows, each a JSON array of at most `maxChars` characters (a single row
 * longer than that is a chunk of its own), in order. `jsonChunksFrom` reads them back in a statement.
 *
 * Each chunk is ONE `JSON.stringify` of a run of rows, sized from the characters per row of the chunks before (the
 * first from the first row alone); a run that comes out over the limit is made again, shorter. Stringifying row by
 * row and joining made every row's text once more as garbage: this allocates about half as much and takes ~0.65 of
 * the time on a sync batch's rows (`docs/performance.md`).
 */
export function jsonChunks(rows: readonly unknown[], maxChars = JSON_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  if (rows.length === 0) return chunks;
  let charsPerRow = JSON.stringify([rows[0]]).length;
  let chars = 0;
  for (let start = 0; start < rows.length; ) {
    let count = Math.min(rows.length - start, Math.max(1, Math.floor((maxChars * FILL) / charsPerRow)));
    let json = runOf(rows, start, count);
    while (json.length > maxChars && count > 1) {
      count = Math.max(1, Math.floor((count * maxChars * FILL) / json.length));
      json = runOf(rows, start, count);
    }
    chunks.push(json);
    start += count;
    chars += json.length;
    charsPerRow = chars / start;
  }
  return chunks;
}

function runOf(rows: readonly unknown[], start: number, count: number): string {
  return JSON.stringify(start === 0 && count === rows.length ? rows : rows.slice(start, start + count));
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
