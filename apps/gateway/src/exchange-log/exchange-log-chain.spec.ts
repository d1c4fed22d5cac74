import { chainNext, findChainBreak, GENESIS_HASH, type ExchangeEntry, type ExchangeRecord } from './exchange-log-chain';

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
});
