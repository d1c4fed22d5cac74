import { GroupCommit, GroupRolledBack, type GroupFailure } from './group-commit';

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

type Outcome = { ok: true; value: string } | { ok: false; error: unknown };
const outcomeOf = (p: Promise<string>): Promise<Outcome> => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

/**
 * A database whose transactions the test ends: each group stays open until `commit` or `fail`. Committing a group
 * stores its items (`stored`) and answers `<item>#<position in the store>`.
 */
class HeldDatabase {
  readonly groups: string[][] = [];
  readonly stored: string[] = [];
  private readonly open: { items: readonly string[]; resolve: (r: string[]) => void; reject: (e: unknown) => void }[] = [];

  readonly commit = (items: readonly string[]): Promise<string[]> => {
    this.groups.push([...items]);
    return new Promise((resolve, reject) => this.open.push({ items, resolve, reject }));
  };

  async commitNext(answer?: (items: readonly string[]) => string[]): Promise<void> {
    const group = this.open.shift()!;
    const results = answer ? answer(group.items) : group.items.map((item) => `${item}#${this.stored.push(item)}`);
    group.resolve(results);
    await settle();
  }

  async failNext(error: unknown): Promise<void> {
    this.open.shift()!.reject(error);
    await settle();
  }

  get openGroups(): number {
    return this.open.length;
  }
}

function setup(onFailure: GroupFailure = 'isolate', maxGroup = 4) {
  const db = new HeldDatabase();
  return { db, group: new GroupCommit<string, string>({ commit: db.commit, maxGroup, onFailure }) };
}

describe('GroupCommit', () => {
  it('commits a lone item at once, in a group of its own', async () => {
    const { db, group } = setup();
    const result = group.submit('a');
    await settle();
    expect(db.groups).toEqual([['a']]);
    await db.commitNext();
    await expect(result).resolves.toBe('a#1');
  });

  it('gathers the items that arrive while a group is in flight into the next group, each caller getting its own result', async () => {
    const { db, group } = setup();
    const first = group.submit('a');
    const later = ['b', 'c', 'd'].map((item) => group.submit(item));
    await settle();
    expect(db.groups).toEqual([['a']]);
    expect(group.backlog).toBe(3);
    await db.commitNext();
    expect(db.groups).toEqual([['a'], ['b', 'c', 'd']]);
    await db.commitNext();
    await expect(first).resolves.toBe('a#1');
    await expect(Promise.all(later)).resolves.toEqual(['b#2', 'c#3', 'd#4']);
    expect(db.openGroups).toBe(0);
  });

  it('never puts more than maxGroup items in one group', async () => {
    const { db, group } = setup('isolate', 2);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => group.submit(item));
    await settle();
    while (db.openGroups > 0) await db.commitNext();
    expect(db.groups).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
    await expect(Promise.all(all)).resolves.toEqual(['a#1', 'b#2', 'c#3', 'd#4', 'e#5', 'f#6']);
  });

  it('commits again alone each item of a group that rolled back: only the bad one fails, with its own cause', async () => {
    const { db, group } = setup('isolate');
    const blocker = group.submit('x');
    const items = ['a', 'bad', 'c'].map((item) => outcomeOf(group.submit(item)));
    await settle();
    await db.commitNext();
    await db.failNext(new GroupRolledBack(new Error('bad row')));
    await db.commitNext(); // a alone
    await db.failNext(new GroupRolledBack(new Error('value too long in bad')));
    await db.commitNext(); // c alone
    expect(db.groups).toEqual([['x'], ['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    await expect(blocker).resolves.toBe('x#1');
    const [a, bad, c] = await Promise.all(items);
    expect(a).toEqual({ ok: true, value: 'a#2' });
    expect(c).toEqual({ ok: true, value: 'c#3' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && (bad.error as Error).message).toBe('value too long in bad');
    expect(db.stored).toEqual(['x', 'a', 'c']);
  });

  it('rejects every caller and commits nothing again when the outcome is unknown (not a rollback)', async () => {
    const { db, group } = setup('isolate');
    const blocker = group.submit('x');
    const items = ['a', 'b'].map((item) => outcomeOf(group.submit(item)));
    await settle();
    await db.commitNext();
    const lost = new Error('Connection terminated during COMMIT');
    await db.failNext(lost);
    await blocker;
    expect(await Promise.all(items)).toEqual([
      { ok: false, error: lost },
      { ok: false, error: lost },
    ]);
    expect(db.groups).toEqual([['x'], ['a', 'b']]);
  });

  it('answers every caller of a failed group with what onFailure returns, asked once per group', async () => {
    const seen: [unknown, number][] = [];
    const answer = new Error('the group was not recorded');
    const { db, group } = setup((error, size) => {
      seen.push([error, size]);
      return answer;
    });
    const blocker = group.submit('x');
    const items = ['a', 'b', 'c'].map((item) => outcomeOf(group.submit(item)));
    await settle();
    await db.commitNext();
    const cause = new GroupRolledBack(new Error('chain head locked'));
    await db.failNext(cause);
    await blocker;
    expect((await Promise.all(items)).map((o) => !o.ok && o.error)).toEqual([answer, answer, answer]);
    expect(seen).toEqual([[cause, 3]]);
    expect(db.groups).toHaveLength(2);
  });

  it('goes on with the next group after a failed one', async () => {
    const { db, group } = setup((e) => e);
    const failed = outcomeOf(group.submit('a'));
    const next = group.submit('b');
    await settle();
    await db.failNext(new Error('disk full'));
    await db.commitNext();
    expect((await failed).ok).toBe(false);
    await expect(next).resolves.toBe('b#1');
  });

  it('rejects every caller, and commits nothing again, when a committed group answers with the wrong number of results', async () => {
    const { db, group } = setup('isolate');
    const blocker = group.submit('x');
    const items = ['a', 'b'].map((item) => outcomeOf(group.submit(item)));
    await settle();
    await db.commitNext();
    await db.commitNext(() => ['only one']);
    await blocker;
    const outcomes = await Promise.all(items);
    expect(outcomes.every((o) => !o.ok && /2 items was committed with 1 results/.test((o.error as Error).message))).toBe(true);
    expect(db.groups).toHaveLength(2);
  });

  it('refuses a maxGroup below one', () => {
    expect(() => new GroupCommit<string, string>({ commit: async (items) => [...items], maxGroup: 0, onFailure: 'isolate' })).toThrow(/maxGroup/);
  });
});
