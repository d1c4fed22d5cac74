/**
 * Thrown by a group's `commit` when the group certainly did not commit (a statement failed before COMMIT was sent,
 * so the transaction rolled back): only then may its items be committed again, alone. A failure at COMMIT itself
 * (a lost connection) leaves the outcome unknown, and committing the items again could store them twice.
 */
export class GroupRolledBack extends Error {
  constructor(override readonly cause: unknown) {
    super(`group rolled back: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/**
 * How the callers of a group whose commit failed are answered:
 * - `isolate`: when the group rolled back (`GroupRolledBack`), each item is committed again on its own, one after
 *   the other, so a bad item fails only its caller (with the cause) and the others are stored as if they had come
 *   alone. Any other failure rejects every caller with the error. For items that do not depend on each other.
 * - a function: every caller of the group gets what it returns (once per group, so it can also log the cause once).
 *   For items that only make sense together or in order (a hash chain).
 */
export type GroupFailure = 'isolate' | ((error: unknown, size: number) => unknown);

export interface GroupCommitOptions<I, O> {
  /** Commits one group in one transaction; returns one result per item, in the items' order. */
  commit(items: readonly I[]): Promise<readonly O[]>;
  /** The most items one group takes: bounds the statement and the wait of the last caller in it. */
  maxGroup: number;
  onFailure: GroupFailure;
}

interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: one group is in flight at a time, and the items that arrive meanwhile go together in the next one,
 * so N concurrent callers pay one transaction (one commit flush, a handful of round trips) instead of N. No timer:
 * when nothing is in flight an item starts its group at once, so a lone caller waits for nothing but its own
 * transaction; under load the groups grow by themselves. Each caller gets its own result, or its own error.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = false;

  constructor(private readonly options: GroupCommitOptions<I, O>) {
    if (!(options.maxGroup >= 1)) throw new Error(`GroupCommit: maxGroup must be at least 1, not ${options.maxGroup}`);
  }

  /** Resolves with the item's result once its group is committed; rejects if it could not be. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  /** Items waiting for the next group (not the one in flight). */
  get backlog(): number {
    return this.waiting.length;
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.waiting.length > 0) await this.run(this.waiting.splice(0, this.options.maxGroup));
    } finally {
      this.inFlight = false;
    }
  }

  private async run(group: Waiting<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.options.commit(group.map((w) => w.item));
    } catch (error) {
      const { onFailure } = this.options;
      if (onFailure !== 'isolate') {
        const answer = onFailure(error, group.length);
        for (const w of group) w.reject(answer);
      } else if (!(error instanceof GroupRolledBack)) {
        for (const w of group) w.reject(error);
      } else if (group.length === 1) {
        group[0].reject(error.cause);
      } else {
        for (const w of group) await this.run([w]);
      }
      return;
    }
    if (results.length !== group.length) {
      // Committed, but the results cannot be matched to the callers: a bug, never retried (it would store twice).
      const bug = new Error(`GroupCommit: a group of ${group.length} items was committed with ${results.length} results`);
      for (const w of group) w.reject(bug);
      return;
    }
    group.forEach((w, i) => w.resolve(results[i]));
  }
}
