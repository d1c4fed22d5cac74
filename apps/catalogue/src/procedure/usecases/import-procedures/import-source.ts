import type { Readable } from 'node:stream';
import { findJsonBudgetViolation, jsonBudgetProblem, type JsonBudget } from '@hub/platform';
import { ProcedureErrors } from '../../procedure.errors';

/** One record as read from the body: the parsed JSON value, or why it could not be parsed. */
export type RawRecord = { index: number; value: unknown } | { index: number; error: string };

/** Records of an `application/json` body: `[...]` or `{"records": [...]}` (already parsed, bounded by the route's body limit). */
export function* jsonRecords(body: unknown, maxRecords: number): Generator<RawRecord> {
  let records: unknown;
  if (Array.isArray(body)) records = body;
  else if (typeof body === 'object' && body !== null && Object.keys(body).length === 1 && 'records' in body) records = (body as { records: unknown }).records;
  if (!Array.isArray(records)) throw ProcedureErrors.importMalformed('The body must be a JSON array of records or {"records": [...]}');
  if (records.length > maxRecords) throw ProcedureErrors.importTooManyRecords(maxRecords);
  for (let index = 0; index < records.length; index++) yield { index, value: records[index] };
}

/**
 * Records of an `application/x-ndjson` body, one JSON value per line, read as the bytes arrive so that memory
 * stays bounded by one chunk of records whatever the size of the import. More than `limitBytes` → 413 (the
 * caller's transaction then rolls back: nothing is imported). A line that is not JSON, or is over the JSON budget
 * (checked per line, as the service checks a whole JSON body), is an error of that record. More than
 * `maxRecords` non-empty lines → 413 as soon as the first one too many is read: the rest of the body is discarded
 * unread (still bounded by `limitBytes`) so that the problem can be answered on the same connection.
 */
export async function* ndjsonRecords(stream: Readable, limitBytes: number, budget: JsonBudget, maxRecords: number): AsyncGenerator<RawRecord> {
  let received = 0;
  let pending = '';
  let index = 0;
  const decoder = new TextDecoder('utf-8');
  const lineOf = (line: string): RawRecord | undefined => {
    const text = line.trim();
    if (text === '') return undefined;
    if (index >= maxRecords) {
      discard(stream, limitBytes - received);
      throw ProcedureErrors.importTooManyRecords(maxRecords);
    }
    const at = index++;
    const violation = findJsonBudgetViolation(Buffer.from(text), budget);
    if (violation) return { index: at, error: jsonBudgetProblem(violation).message };
    try {
      return { index: at, value: JSON.parse(text) };
    } catch {
      return { index: at, error: 'the line is not valid JSON' };
    }
  };
  // Leaving the loop early (a 413) must not destroy the socket: the answer still has to go out on it.
  for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    received += buffer.length;
    if (received > limitBytes) {
      stream.destroy();
      throw ProcedureErrors.importTooLarge(limitBytes);
    }
    pending += decoder.decode(buffer, { stream: true });
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
      const record = lineOf(pending.slice(start, newline));
      start = newline + 1;
      if (record) yield record;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  const last = lineOf(pending);
  if (last) yield last;
}

/** Reads and drops what is left of the body; more than `leftBytes` → the connection is cut. */
function discard(stream: Readable, leftBytes: number): void {
  let left = leftBytes;
  stream.on('data', (chunk: Buffer | string) => {
    left -= chunk.length;
    if (left < 0) stream.destroy();
  });
  stream.resume();
}
