import { groupByTopic, rowsLeftBehind, toClaim, withinBytes, type OutboxRow } from './relay-batch';

function row(id: number, payloadBytes = 10): OutboxRow {
  return { id: String(id), topic: 't', key: `k${id}`, payload: 'x'.repeat(payloadBytes), headers: {}, created_at: new Date(0) };
}

describe('the relay claim', () => {
  it('keeps the claimed rows, without the lock column', () => {
    const claim = toClaim([{ locked: true, ...row(1) }, { locked: true, ...row(2) }]);
    expect(claim).toEqual({ locked: true, rows: [row(1), row(2)] });
  });

  it('tells a relay without the lock from an empty outbox, both one row without an id', () => {
    const empty = { id: null, topic: null, key: null, payload: null, headers: null, created_at: null } as unknown as Partial<OutboxRow>;
    expect(toClaim([{ locked: false, ...empty }])).toEqual({ locked: false, rows: [] });
    expect(toClaim([{ locked: true, ...empty }])).toEqual({ locked: true, rows: [] });
  });
});

describe('rows left behind by a batch', () => {
  it('are none when the claim was not full and the batch took every claimed row', () => {
    expect(rowsLeftBehind(1, 1, 500)).toBe(false);
    expect(rowsLeftBehind(499, 499, 500)).toBe(false);
  });

  it('may be some when the claim was full, even if the batch took it all', () => {
    expect(rowsLeftBehind(500, 500, 500)).toBe(true);
  });

  it('are some when the byte bound left claimed rows out', () => {
    expect(rowsLeftBehind(40, 4, 500)).toBe(true);
  });
});

describe('a batch bounded in bytes', () => {
  it('is the longest prefix within the bound', () => {
    // Each row weighs its key (2 bytes) and its JSON text (10 bytes): 12 bytes.
    expect(withinBytes([row(1), row(2), row(3)], 30).map((r) => r.id)).toEqual(['1', '2']);
  });

  it('always holds the first row, alone if it is larger than the bound', () => {
    expect(withinBytes([row(1, 100), row(2)], 30).map((r) => r.id)).toEqual(['1']);
  });
});

describe('a batch as produce messages', () => {
  it('sends each payload text as it is, grouped by topic in claim order', () => {
    const text = '{"summary": "Đăng ký \\"khai sinh\\"", "n": 1}';
    const rows = [
      { ...row(1), topic: 'a', payload: text, headers: { 'event-id': 'e1' } },
      { ...row(2), topic: 'b' },
      { ...row(3), topic: 'a' },
    ];
    expect(groupByTopic(rows)).toEqual([
      { topic: 'a', messages: [{ key: 'k1', value: text, headers: { 'event-id': 'e1' } }, { key: 'k3', value: 'x'.repeat(10), headers: {} }] },
      { topic: 'b', messages: [{ key: 'k2', value: 'x'.repeat(10), headers: {} }] },
    ]);
  });
});
