import { JSON_CHUNK_CHARS, jsonChunks, jsonChunksFrom } from './json-chunks';

describe('jsonChunks', () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ i, name: `Nguyễn Văn ${i}`, quote: 'a "b" \\ c' }));

  it('gives back every row, in order, as JSON arrays of whole rows', () => {
    const chunks = jsonChunks(rows, 200);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((c) => JSON.parse(c))).toEqual(rows);
  });

  it('keeps each chunk within the limit, except a row longer than the limit, which is a chunk of its own', () => {
    const long = { i: 99, text: 'x'.repeat(500) };
    const chunks = jsonChunks([rows[0], rows[1], long, rows[2]], 200);
    expect(chunks.map((c) => JSON.parse(c))).toEqual([[rows[0], rows[1]], [long], [rows[2]]]);
    for (const c of jsonChunks(rows, 200)) expect(c.length).toBeLessThanOrEqual(200 + 2);
  });

  it('makes one chunk of a small batch and none of an empty one; by default a chunk stays below V8 large objects', () => {
    expect(jsonChunks(rows)).toEqual([JSON.stringify(rows)]);
    expect(jsonChunks([])).toEqual([]);
    expect(JSON_CHUNK_CHARS * 2).toBeLessThan(128 * 1024);
  });
});

describe('jsonChunksFrom', () => {
  it('reads the parameters from $first on, as jsonb with their position', () => {
    expect(jsonChunksFrom(1, 1)).toBe('ROWS FROM (unnest(ARRAY[$1::text]::jsonb[])) WITH ORDINALITY AS chunk(rows, n)');
    expect(jsonChunksFrom(3, 2, 'c')).toBe('ROWS FROM (unnest(ARRAY[$3::text, $4::text]::jsonb[])) WITH ORDINALITY AS c(rows, n)');
  });

  it('refuses a count or a first parameter that names no parameter', () => {
    expect(() => jsonChunksFrom(1, 0)).toThrow(/no parameters/);
    expect(() => jsonChunksFrom(0, 1)).toThrow(/no parameters/);
  });
});
