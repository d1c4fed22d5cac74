import { DossierSubmitted, EventHeaders } from '@hub/contracts';
import { AppError, consumerDispositionOf } from '@hub/platform';
import type { KafkaMessage } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import { DEFAULT_CONSUMER_OPTIONS } from '../messaging.options';
import { traceOf } from './consumed-event';
import type { DeadLetter } from './dead-letter.publisher';
import { EventBatchProcessor, type TransactionalDatabase } from './event-batch.processor';

/** In-memory stand-in for the inbox table and the handler's writes, with transaction and savepoint semantics. */
class FakeDatabase implements TransactionalDatabase {
  readonly inbox = new Set<string>();
  readonly applied: string[] = [];
  down = false;

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (this.down) throw new Error('connection refused');
    const staged: { inbox?: string; applied?: string }[] = [];
    let mark = 0;
    const tx = {
      query: async (sql: string, params: unknown[] = []) => {
        if (sql.startsWith('SAVEPOINT')) mark = staged.length;
        else if (sql.startsWith('ROLLBACK TO')) staged.splice(mark);
        else if (sql === 'APPLY') staged.push({ applied: params[0] as string });
        else if (sql.includes('INSERT INTO inbox')) {
          const rows: { event_id: string }[] = [];
          for (const eventId of params[3] as string[]) {
            const id = `${params[0]}/${eventId}`;
            if (this.inbox.has(id) || staged.some((x) => x.inbox === id)) continue;
            staged.push({ inbox: id });
            rows.push({ event_id: eventId });
          }
          return rows;
        }
        return [];
      },
    } as unknown as EntityManager;
    const result = await work(tx);
    for (const x of staged) {
      if (x.inbox) this.inbox.add(x.inbox);
      if (x.applied) this.applied.push(x.applied);
    }
    return result;
  }

  async query(): Promise<unknown> {
    if (this.down) throw new Error('connection refused');
    return [];
  }
}

let offset = 0;
function message(dossierCode: string, overrides: { eventId?: string; value?: string; type?: string } = {}): KafkaMessage {
  const payload = { ...DossierSubmitted.example, dossierCode };
  return {
    key: Buffer.from(dossierCode),
    value: Buffer.from(overrides.value ?? JSON.stringify(payload)),
    offset: String(offset++),
    timestamp: String(Date.now()),
    attributes: 0,
    size: 0,
    headers: {
      [EventHeaders.EventId]: overrides.eventId ?? crypto.randomUUID(),
      [EventHeaders.EventType]: overrides.type ?? DossierSubmitted.type,
      [EventHeaders.EventVersion]: '1',
      [EventHeaders.Producer]: 'dossier',
      [EventHeaders.CorrelationId]: 'corr-1',
    },
  } as unknown as KafkaMessage;
}

function setup(handle: (code: string) => Promise<void>, classify?: (e: unknown) => 'retry' | 'dead-letter') {
  const db = new FakeDatabase();
  const deadLetters: DeadLetter[] = [];
  const sleeps: number[] = [];
  const logged: unknown[] = [];
  const processor = new EventBatchProcessor(
    {
      consumer: 'test:Handler.handle',
      definition: DossierSubmitted,
      handle: async (event, tx) => {
        const code = (event.payload as { dossierCode: string }).dossierCode;
        await handle(code);
        await tx.query('APPLY', [code]);
      },
    },
    db,
    async (l) => {
      deadLetters.push(l);
    },
    { ...DEFAULT_CONSUMER_OPTIONS, maxAttempts: 3 },
    { warn: (line: unknown) => void logged.push(line), error: (line: unknown) => void logged.push(line) },
    async (ms) => {
      sleeps.push(ms);
    },
    classify,
  );
  const run = (messages: KafkaMessage[]) => processor.process(DossierSubmitted.topic, 0, messages, async () => undefined);
  return { db, deadLetters, applied: db.applied, sleeps, logged, run };
}

const A = '000.00.15.H31-260112-0001';
const B = '000.00.15.H31-260112-0002';

describe('EventBatchProcessor', () => {
  it('applies a clean chunk in one pass and a redelivered event once', async () => {
    const { applied, run } = setup(async () => undefined);
    const m = message(A, { eventId: '2b3d4f6a-1c2e-4a5b-8c9d-0e1f2a3b4c5d' });
    await run([m, m]);
    await run([m]);
    expect(applied).toEqual([A]);
  });

  it('dead-letters invalid payloads and envelopes and still applies the rest', async () => {
    const { applied, deadLetters, run } = setup(async () => undefined);
    await run([message(A, { value: '{"dossierCode": 5}' }), message(B, { value: 'not json' }), message(A, { type: 'other.event' }), message(B)]);
    expect(applied).toEqual([B]);
    expect(deadLetters.map((d) => d.reason)).toEqual(['INVALID_PAYLOAD', 'INVALID_PAYLOAD', 'INVALID_ENVELOPE']);
  });

  it('retries a failing handler, then dead-letters it and keeps per-key order for the messages after it', async () => {
    // Fails in the all-at-once attempt and in the one-by-one pass, then succeeds on the first retry.
    let failuresLeft = 2;
    const { applied, deadLetters, run } = setup(async (code) => {
      if (code === A && failuresLeft-- > 0) throw new Error('transient');
    });
    await run([message(A), message(A), message(B)]);
    // B is not blocked by A; the second A waits until the first A succeeded on retry.
    expect(applied).toEqual([B, A, A]);
    expect(deadLetters).toEqual([]);

    const poisoned = setup(async (code) => {
      if (code === A) throw new Error('always fails');
    });
    await poisoned.run([message(A), message(B)]);
    expect(poisoned.applied).toEqual([B]);
    expect(poisoned.deadLetters).toEqual([expect.objectContaining({ reason: 'HANDLER_FAILED', error: 'always fails' })]);
  });

  it("names the failing event's correlation and id on every line about it", async () => {
    const { logged, run } = setup(async () => {
      throw new Error('always fails');
    });
    await run([message(A, { eventId: '5d3c1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f' })]);
    expect(logged.length).toBeGreaterThanOrEqual(2);
    for (const line of logged) expect(line).toMatchObject({ correlationId: 'corr-1', eventId: '5d3c1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f', msg: expect.stringContaining('@') });
  });

  it('traceOf: the work an event causes carries its correlation on, the event as the cause', () => {
    expect(traceOf({ correlationId: 'corr-1', eventId: '5d3c1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f' })).toEqual({ correlationId: 'corr-1', causationId: '5d3c1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f' });
  });

  it('propagates a database outage instead of dead-lettering', async () => {
    const { db, deadLetters, run } = setup(async () => undefined);
    db.down = true;
    await expect(run([message(A)])).rejects.toThrow('connection refused');
    expect(deadLetters).toEqual([]);
  });

  describe('with a consumer error map', () => {
    const dispositions = new Map([
      ['PROCEDURE_UNKNOWN', 'dead-letter' as const],
      ['READ_MODEL_BEHIND', 'retry' as const],
    ]);
    const classify = (e: unknown) => consumerDispositionOf(e, dispositions);

    it('dead-letters a business rejection at once with its code as the reason, without retries or blocking its key', async () => {
      // The first A is refused twice (all-at-once pass, then its savepoint); every later call succeeds.
      let refusals = 2;
      const { applied, deadLetters, sleeps, run } = setup(async (code) => {
        if (code === A && refusals-- > 0) throw new AppError('PROCEDURE_UNKNOWN', 'procedure 1.000001 is unknown');
      }, classify);
      await run([message(A), message(A), message(B)]);
      expect(deadLetters).toEqual([expect.objectContaining({ reason: 'PROCEDURE_UNKNOWN', error: 'procedure 1.000001 is unknown' })]);
      expect(sleeps).toEqual([]);
      expect(applied).toEqual([A, B]);
    });

    it('retries an AppError classified retry, and one whose code no map knows, like any other error', async () => {
      for (const code of ['READ_MODEL_BEHIND', 'NOT_IN_ANY_MAP']) {
        const { deadLetters, sleeps, run } = setup(async () => {
          throw new AppError(code, 'not yet');
        }, classify);
        await run([message(A)]);
        expect(deadLetters).toEqual([expect.objectContaining({ reason: 'HANDLER_FAILED', error: 'not yet' })]);
        expect(sleeps.length).toBeGreaterThan(0);
      }
    });

    it('dead-letters at once when a retried message turns into a business rejection', async () => {
      let attempt = 0;
      const { deadLetters, sleeps, run } = setup(async () => {
        attempt++;
        if (attempt <= 2) throw new Error('deadlock detected');
        throw new AppError('PROCEDURE_UNKNOWN', 'gone for good');
      }, classify);
      await run([message(A)]);
      expect(deadLetters).toEqual([expect.objectContaining({ reason: 'PROCEDURE_UNKNOWN' })]);
      // Without the classification it would have been tried a fourth time and parked as HANDLER_FAILED.
      expect(attempt).toBe(3);
      expect(sleeps).toEqual([200]);
    });
  });

  describe('with a batch handler', () => {
    function setupBatch(fail: (codes: string[]) => boolean) {
      const db = new FakeDatabase();
      const calls: string[][] = [];
      const deadLetters: DeadLetter[] = [];
      const handleBatch = async (events: { payload: object }[], tx: EntityManager) => {
        const codes = events.map((e) => (e.payload as { dossierCode: string }).dossierCode);
        calls.push(codes);
        if (fail(codes)) throw new Error('batch refused');
        for (const code of codes) await tx.query('APPLY', [code]);
      };
      const processor = new EventBatchProcessor(
        { consumer: 'test:Handler.batch', definition: DossierSubmitted, handle: (e, tx) => handleBatch([e], tx), handleBatch },
        db,
        async (l) => {
          deadLetters.push(l);
        },
        { ...DEFAULT_CONSUMER_OPTIONS, maxAttempts: 2 },
        { warn: () => undefined, error: () => undefined },
        async () => undefined,
      );
      const run = (messages: KafkaMessage[]) => processor.process(DossierSubmitted.topic, 0, messages, async () => undefined);
      return { db, calls, deadLetters, run };
    }

    it('gets the chunk\'s new events in one call, in order, without the duplicates', async () => {
      const { db, calls, run } = setupBatch(() => false);
      const seen = message(A, { eventId: '3c4d5e6f-1a2b-4c3d-8e4f-5a6b7c8d9e0f' });
      await run([seen]);
      await run([message(B), seen, message(A), message(B)]);
      expect(calls).toEqual([[A], [B, A, B]]);
      expect(db.applied).toEqual([A, B, A, B]);
    });

    it('falls back to one event per call when the chunk fails, so only the failing one is parked', async () => {
      const { db, calls, deadLetters, run } = setupBatch((codes) => codes.includes(A));
      await run([message(B), message(A)]);
      expect(calls[0]).toEqual([B, A]);
      expect(calls.slice(1, 3)).toEqual([[B], [A]]);
      expect(db.applied).toEqual([B]);
      expect(deadLetters).toEqual([expect.objectContaining({ reason: 'HANDLER_FAILED', error: 'batch refused' })]);
    });
  });
});
