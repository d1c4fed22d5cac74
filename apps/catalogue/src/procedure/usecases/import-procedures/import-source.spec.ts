import { Readable } from 'node:stream';
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
    expect(await collect(ndjsonRecords(Readable.from(chunks), 1_000))).toEqual([
      { index: 0, value: { a: 'Giấy phép' } },
      { index: 1, value: { b: 2 } },
      { index: 2, error: 'the line is not valid JSON' },
      { index: 3, value: { c: 3 } },
    ]);
  });

  it('stops with 413 as soon as the body passes the limit', async () => {
    const source = ndjsonRecords(Readable.from([Buffer.from('{"a":1}\n'), Buffer.from('x'.repeat(100))]), 50);
    await expect(collect(source)).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE', params: { limitBytes: expect.any(Number) } });
  });

  it('accepts a JSON array or {records}, and nothing else', () => {
    expect([...jsonRecords([1, 2])]).toEqual([{ index: 0, value: 1 }, { index: 1, value: 2 }]);
    expect([...jsonRecords({ records: [{}] })]).toEqual([{ index: 0, value: {} }]);
    for (const body of [{ records: [], other: 1 }, { items: [] }, 'text', null]) {
      expect(() => [...jsonRecords(body)]).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED' }));
    }
  });
});
