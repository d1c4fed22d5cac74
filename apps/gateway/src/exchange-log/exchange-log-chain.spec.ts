import fc from 'fast-check';
import { chainAll, chainNext, findChainBreak, GENESIS_HASH, type ExchangeEntry, type ExchangeRecord } from './exchange-log-chain';

const record = (status: number): ExchangeRecord => ({
  recordedAt: new Date('2026-01-12T03:00:00.000Z'),
  clientId: 'hanoi-one-stop',
  method: 'POST',
  path: '/v1/dossiers',
  agencyCodes: ['000.00.15.H31'],
  status,
  requestHash: 'a'.repeat(64),
  responseHash: 'b'.repeat(64),
  correlationId: 'corr-1',
});

function chain(n: number): ExchangeEntry[] {
  const entries: ExchangeEntry[] = [];
  let head = { seq: 0, entryHash: GENESIS_HASH };
  for (let i = 0; i < n; i++) {
    const entry = chainNext(head, record(200 + i));
    entries.push(entry);
    head = entry;
  }
  return entries;
}

const genesis = { seq: 0, entryHash: GENESIS_HASH };

describe('exchange-log hash chain', () => {
  it('links each entry to the previous one', () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first.entryHash });
    expect(first.entryHash).toMatch(/^[0-9a-f]{64}$/);
    expect(findChainBreak(genesis, chain(5))).toBeUndefined();
  });

  it('names an edited entry', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2], status: 500 };
    expect(findChainBreak(genesis, entries)).toEqual({ seq: 3, reason: 'EDITED' });
  });

  it('names a removed entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(findChainBreak(genesis, entries)).toEqual({ seq: 2, reason: 'MISSING' });
  });

  it('names an entry rewritten with a fresh hash but not linked to its predecessor', () => {
    const entries = chain(3);
    const forged = chainNext({ seq: 1, entryHash: 'f'.repeat(64) }, record(299));
    entries[1] = forged;
    expect(findChainBreak(genesis, entries)).toEqual({ seq: 2, reason: 'RELINKED' });
  });

  it('verifies a range from the entry before it', () => {
    const entries = chain(6);
    expect(findChainBreak(entries[2], entries.slice(3))).toBeUndefined();
    expect(findChainBreak(entries[1], entries.slice(3))).toEqual({ seq: 3, reason: 'MISSING' });
  });

  describe('chainAll', () => {
    const arbitraryRecord: fc.Arbitrary<ExchangeRecord> = fc.record({
      recordedAt: fc.date({ min: new Date('2026-01-01T00:00:00.000Z'), max: new Date('2030-01-01T00:00:00.000Z'), noInvalidDate: true }),
      clientId: fc.string({ minLength: 1, maxLength: 20 }),
      method: fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
      path: fc.string({ maxLength: 40 }),
      agencyCodes: fc.array(fc.string({ maxLength: 16 }), { maxLength: 3 }),
      status: fc.integer({ min: 100, max: 599 }),
      requestHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      responseHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      correlationId: fc.uuid(),
    });
    const arbitraryHead = fc.oneof(
      fc.constant(genesis),
      fc.record({ seq: fc.integer({ min: 1, max: 1_000_000_000 }), entryHash: fc.stringMatching(/^[0-9a-f]{64}$/) }),
    );

    it('chains a group exactly as one chainNext after another, with no break from the head', () => {
      fc.assert(
        fc.property(arbitraryHead, fc.array(arbitraryRecord, { maxLength: 20 }), (head, records) => {
          const entries = chainAll(head, records);
          const oneByOne: ExchangeEntry[] = [];
          for (const r of records) oneByOne.push(chainNext(oneByOne.at(-1) ?? head, r));
          expect(entries).toEqual(oneByOne);
          expect(entries.map((e) => e.seq)).toEqual(records.map((_, i) => head.seq + 1 + i));
          expect(findChainBreak(head, entries)).toBeUndefined();
        }),
        { numRuns: Math.max(200, Number(process.env.FUZZ_RUNS ?? 0)) },
      );
    });

    it('chains two groups as one: the second starts from the last entry of the first', () => {
      const records = [200, 201, 202, 203, 204].map(record);
      const first = chainAll(genesis, records.slice(0, 2));
      const second = chainAll(first[1], records.slice(2));
      expect([...first, ...second]).toEqual(chainAll(genesis, records));
      expect(chainAll(genesis, [])).toEqual([]);
    });
  });
});
