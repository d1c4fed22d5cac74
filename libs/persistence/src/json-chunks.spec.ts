import fc from 'fast-check';
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
    expect(chunks.flatMap((c) => JSON.parse(c))).toEqual([rows[0], rows[1], long, rows[2]]);
    expect(chunks).toContain(JSON.stringify([long]));
    for (const c of jsonChunks(rows, 200)) expect(c.length).toBeLessThanOrEqual(200);
  });

  it('holds for any rows and limit: every row once, in order, each chunk within the limit or a single row', () => {
    const row = fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 600 }), (input, maxChars) => {
        const chunks = jsonChunks(input, maxChars);
        const parsed = chunks.map((c) => JSON.parse(c) as unknown[]);
        expect(parsed.flat(1).map((r) => JSON.stringify(r))).toEqual(input.map((r) => JSON.stringify(r)));
        for (const [k, c] of chunks.entries()) {
          expect(parsed[k].length).toBeGreaterThan(0);
          if (parsed[k].length > 1) expect(c.length).toBeLessThanOrEqual(maxChars);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('packs rows of similar size nearly as tightly as the limit allows', () => {
    const similar = Array.from({ length: 1_000 }, (_, i) => ({ code: `H31-${i}`, name: 'Nguyễn Thị Hồng Nhung'.repeat(1 + (i % 7)), note: 'x'.repeat(i % 300) }));
    const chunks = jsonChunks(similar);
    const total = chunks.reduce((sum, c) => sum + c.length, 0);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(total / (JSON_CHUNK_CHARS * 0.8)));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(JSON_CHUNK_CHARS);
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
