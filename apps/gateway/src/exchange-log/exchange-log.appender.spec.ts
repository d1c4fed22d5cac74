import { Logger } from '@nestjs/common';
import type { AppError } from '@hub/platform';
import { chainAll, findChainBreak, GENESIS_HASH, type ExchangeEntry, type ExchangeRecord } from './exchange-log-chain';
import { ExchangeLogAppender, MAX_GROUP, type GroupStore } from './exchange-log.appender';

const record = (n: number): ExchangeRecord => ({
  recordedAt: new Date(Date.UTC(2026, 0, 12, 3, 0, 0, n)),
  clientId: 'hanoi-one-stop',
  method: 'POST',
  path: '/v1/dossiers',
  agencyCodes: ['000.00.15.H31'],
  status: 201,
  requestHash: 'a'.repeat(64),
  responseHash: 'b'.repeat(64),
  correlationId: `corr-${n}`,
});

/**
 * A store whose transactions the test ends: each group stays in flight until `commit` or `fail`. Like the
 * real one, a committed group moves the head and a failed one leaves it where it was.
 */
class HeldStore implements GroupStore {
  readonly groups: ExchangeRecord[][] = [];
  private head = { seq: 0, entryHash: GENESIS_HASH };
  private readonly open: { records: readonly ExchangeRecord[]; resolve: (entries: ExchangeEntry[]) => void; reject: (error: Error) => void }[] = [];

  appendAll(records: readonly ExchangeRecord[]): Promise<ExchangeEntry[]> {
    this.groups.push([...records]);
    return new Promise((resolve, reject) => this.open.push({ records, resolve, reject }));
  }

  /** Commits the oldest open group, then lets the appender react. */
  async commit(): Promise<void> {
    const group = this.open.shift()!;
    const entries = chainAll(this.head, group.records);
    this.head = entries.at(-1) ?? this.head;
    group.resolve(entries);
    await settle();
  }

  async fail(error: Error): Promise<void> {
    this.open.shift()!.reject(error);
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
const correlationIds = (records: readonly ExchangeRecord[]) => records.map((r) => r.correlationId);

describe('exchange-log appender (group commit)', () => {
  let store: HeldStore;
  let appender: ExchangeLogAppender;

  beforeEach(() => {
    store = new HeldStore();
    appender = new ExchangeLogAppender(store);
  });

  afterEach(() => jest.restoreAllMocks());

  it('starts a lone record’s group at once, without waiting for company', async () => {
    const answer = appender.append(record(1));
    expect(store.groups.map(correlationIds)).toEqual([['corr-1']]);
    await store.commit();
    await expect(answer).resolves.toMatchObject({ seq: 1, correlationId: 'corr-1', prevHash: GENESIS_HASH });
  });

  it('sends the records that arrive during a group together in the next one, each caller getting its own entry', async () => {
    const first = appender.append(record(1));
    const rest = [2, 3, 4].map((n) => appender.append(record(n)));
    await settle();
    expect(store.groups).toHaveLength(1);

    await store.commit();
    expect(store.groups.map(correlationIds)).toEqual([['corr-1'], ['corr-2', 'corr-3', 'corr-4']]);
    await store.commit();

    const entries = await Promise.all([first, ...rest]);
    expect(entries.map((e) => [e.seq, e.correlationId])).toEqual([
      [1, 'corr-1'],
      [2, 'corr-2'],
      [3, 'corr-3'],
      [4, 'corr-4'],
    ]);
    expect(findChainBreak({ seq: 0, entryHash: GENESIS_HASH }, entries)).toBeUndefined();
  });

  it(`bounds a group at ${MAX_GROUP} records and keeps arrival order across groups`, async () => {
    const answers = Array.from({ length: MAX_GROUP + 45 }, (_, n) => appender.append(record(n)));
    await store.commit();
    await store.commit();
    await store.commit();
    expect(store.groups.map((g) => g.length)).toEqual([1, MAX_GROUP, 44]);
    const entries = await Promise.all(answers);
    expect(entries.map((e) => e.correlationId)).toEqual(answers.map((_, n) => `corr-${n}`));
    expect(entries.map((e) => e.seq)).toEqual(answers.map((_, n) => n + 1));
  });

  it('rejects every caller of a failed group and nobody else; the next group starts from the unmoved head', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const first = appender.append(record(1));
    const second = Promise.allSettled([2, 3].map((n) => appender.append(record(n))));
    await store.commit();
    const third = [4, 5].map((n) => appender.append(record(n)));

    await store.fail(new Error('connection lost'));
    expect((await second).map((outcome) => outcome.status === 'rejected' && (outcome.reason as AppError).code)).toEqual(['EXCHANGE_LOG_UNAVAILABLE', 'EXCHANGE_LOG_UNAVAILABLE']);
    expect(store.groups.map(correlationIds)).toEqual([['corr-1'], ['corr-2', 'corr-3'], ['corr-4', 'corr-5']]);
    // Once for the group, with its cause; not once per caller.
    expect(logged.mock.calls).toEqual([[expect.objectContaining({ records: 2, err: new Error('connection lost') })]]);

    await store.commit();
    expect((await first).seq).toBe(1);
    expect((await Promise.all(third)).map((e) => [e.seq, e.correlationId])).toEqual([
      [2, 'corr-4'],
      [3, 'corr-5'],
    ]);
  });

  it('starts afresh at once after a failure when nothing else is waiting', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const lost = expect(appender.append(record(1))).rejects.toMatchObject({ code: 'EXCHANGE_LOG_UNAVAILABLE' });
    await store.fail(new Error('database down'));
    await lost;

    const next = appender.append(record(2));
    expect(store.groups).toHaveLength(2);
    await store.commit();
    await expect(next).resolves.toMatchObject({ seq: 1, correlationId: 'corr-2' });
  });
});
