import { Readable } from 'node:stream';
import { DEFAULT_JSON_BUDGET } from '@hub/platform';
import { jsonRecords, ndjsonRecords, type RawRecord } from './import-source';

async function collect(source: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of source) out.push(r);
  return out;
}

describe('import sources', () => {
  it('reads NDJSON split anywhere, including inside multi-byte characters, skipping blank lines', async () => {
    const text = '{"a":"Giấy phép"}\n\n{"b":2}\r\n{oops\n{"c":3}';
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(await collect(ndjsonRecords(Readable.from(chunks), 1_000, DEFAULT_JSON_BUDGET, 10))).toEqual([
      { index: 0, value: { a: 'Giấy phép' } },
      { index: 1, value: { b: 2 } },
      { index: 2, error: 'the line is not valid JSON' },
      { index: 3, value: { c: 3 } },
    ]);
  });

  it('refuses a line over the JSON budget as an error of that record only', async () => {
    const lines = ['{"a":1}', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), JSON.stringify(Array(200).fill(0))].join('\n');
    expect(await collect(ndjsonRecords(Readable.from([Buffer.from(lines)]), 1_000_000, { ...DEFAULT_JSON_BUDGET, maxItems: 100 }, 10))).toEqual([
      { index: 0, value: { a: 1 } },
      { index: 1, error: 'The JSON body nests objects and arrays deeper than 64 (JSON_MAX_DEPTH).' },
      { index: 2, error: 'The JSON body has more object members and array elements than 100 (JSON_MAX_ITEMS).' },
    ]);
  });

  it('stops with 413 as soon as the body passes the limit', async () => {
    const source = ndjsonRecords(Readable.from([Buffer.from('{"a":1}\n'), Buffer.from('x'.repeat(100))]), 50, DEFAULT_JSON_BUDGET, 10);
    await expect(collect(source)).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE', params: { limitBytes: expect.any(Number) } });
  });

  it('accepts a JSON array or {records}, and nothing else', () => {
    expect([...jsonRecords([1, 2], 2)]).toEqual([{ index: 0, value: 1 }, { index: 1, value: 2 }]);
    expect([...jsonRecords({ records: [{}] }, 2)]).toEqual([{ index: 0, value: {} }]);
    for (const body of [{ records: [], other: 1 }, { items: [] }, 'text', null]) {
      expect(() => [...jsonRecords(body, 2)]).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED' }));
    }
  });

  it('stops with 413 at the first record past the cap, leaving the stream readable for the answer', async () => {
    const stream = Readable.from([Buffer.from('1\n'.repeat(50)), Buffer.from('1\n'.repeat(50))]);
    const read: RawRecord[] = [];
    await expect(
      (async () => {
        for await (const r of ndjsonRecords(stream, 1_000, DEFAULT_JSON_BUDGET, 10)) read.push(r);
      })(),
    ).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_RECORDS', params: { limitRecords: 10 } });
    expect(read).toHaveLength(10);
    expect(stream.destroyed).toBe(false);
    // Blank lines are not records: 10 records among blank lines pass.
    expect(await collect(ndjsonRecords(Readable.from([Buffer.from('1\n\n\n'.repeat(10))]), 1_000, DEFAULT_JSON_BUDGET, 10))).toHaveLength(10);
  });

  it('refuses a JSON array longer than the cap before reading any record', () => {
    expect(() => [...jsonRecords(Array(11).fill(1), 10)]).toThrow(expect.objectContaining({ code: 'IMPORT_TOO_MANY_RECORDS' }));
    expect([...jsonRecords(Array(10).fill(1), 10)]).toHaveLength(10);
  });
});
