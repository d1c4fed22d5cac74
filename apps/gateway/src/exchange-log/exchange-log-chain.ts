import { createHash } from 'node:crypto';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hub records of one state-changing exchange: no bodies, only their SHA-256. */
export interface ExchangeRecord {
  recordedAt: Date;
  clientId: string;
  method: string;
  /** Path without the query string (queries may carry personal data). */
  path: string;
  agencyCodes: string[];
  status: number;
  requestHash: string;
  responseHash: string;
  correlationId: string;
}

export interface ExchangeEntry extends ExchangeRecord {
  seq: number;
  prevHash: string;
  entryHash: string;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 over every field in a fixed order, the previous entry's hash included. */
export function entryHashOf(entry: Omit<ExchangeEntry, 'entryHash'>): string {
  const fields = [
    entry.seq,
    entry.recordedAt.toISOString(),
    entry.clientId,
    entry.method,
    entry.path,
    entry.agencyCodes,
    entry.status,
    entry.requestHash,
    entry.responseHash,
    entry.correlationId,
    entry.prevHash,
  ];
  return sha256Hex(JSON.stringify(fields));
}

export function chainNext(head: { seq: number; entryHash: string }, record: ExchangeRecord): ExchangeEntry {
  // Fields listed, not `{ ...record, seq, prevHash }`: on Node 20 each field a literal adds after a spread costs ~1–2 µs
  // (docs/performance.md), and every state-changing exchange is chained.
  const { recordedAt, clientId, method, path, agencyCodes, status, requestHash, responseHash, correlationId } = record;
  const entry: ExchangeEntry = {
    recordedAt, clientId, method, path, agencyCodes, status, requestHash, responseHash, correlationId,
    seq: head.seq + 1,
    prevHash: head.entryHash,
    entryHash: '',
  };
  entry.entryHash = entryHashOf(entry);
  return entry;
}

/** Chains `records` onto `head` in order: the entries a group append writes, each linked to the one before. */
export function chainAll(head: { seq: number; entryHash: string }, records: readonly ExchangeRecord[]): ExchangeEntry[] {
  const entries: ExchangeEntry[] = [];
  let previous = head;
  for (const record of records) {
    const entry = chainNext(previous, record);
    entries.push(entry);
    previous = entry;
  }
  return entries;
}

export type ChainBreak = { seq: number; reason: 'MISSING' | 'EDITED' | 'RELINKED' };

/**
 * Checks consecutive entries: numbering without gaps from `expected.seq + 1`, each linked to the one before,
 * each hash matching its content. Returns the first break, or undefined.
 */
export function findChainBreak(expected: { seq: number; entryHash: string }, entries: readonly ExchangeEntry[]): ChainBreak | undefined {
  let previous = expected;
  for (const entry of entries) {
    if (entry.seq !== previous.seq + 1) return { seq: previous.seq + 1, reason: 'MISSING' };
    if (entryHashOf(entry) !== entry.entryHash) return { seq: entry.seq, reason: 'EDITED' };
    if (entry.prevHash !== previous.entryHash) return { seq: entry.seq, reason: 'RELINKED' };
    previous = entry;
  }
  return undefined;
}
