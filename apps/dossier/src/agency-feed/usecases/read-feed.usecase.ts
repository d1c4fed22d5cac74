import { Inject, Injectable } from '@nestjs/common';
import type { AgencyFeedItemV1 } from '@hub/contracts';
import { agencyScopeCondition, type CallerIdentity } from '@hub/platform';
import { AgencyFeedErrors } from '../agency-feed.errors';
import { AgencyFeedStore } from '../agency-feed.store';
import { FEED_START, FeedCursorCodec } from '../feed-cursor';
import { toFeedItem } from '../feed-item';
import { FeedNotifier } from '../feed-notifier';

export const MAX_FEED_LIMIT = 500;
export const MAX_FEED_WAIT_SECONDS = 30;
/** While a long poll waits, it re-reads at least this often (the horizon moves without notifications too). */
const REREAD_MS = 250;

export interface ReadFeedCommand {
  after: string | null;
  limit: number;
  waitSeconds: number;
}

export interface FeedPageView {
  items: AgencyFeedItemV1[];
  /** Where to continue: the last item's cursor, or `after` again when nothing came. */
  next: string;
}

/** A page of the caller's feed; with `wait`, answers as soon as something arrives or when the wait is over. */
@Injectable()
export class ReadFeedUseCase {
  constructor(
    private readonly store: AgencyFeedStore,
    private readonly notifier: FeedNotifier,
    @Inject(FeedCursorCodec) private readonly cursors: FeedCursorCodec,
  ) {}

  async execute(command: ReadFeedCommand, caller: CallerIdentity): Promise<FeedPageView> {
    const after = command.after === null ? FEED_START : this.cursors.decode(command.after);
    if (!after) throw AgencyFeedErrors.invalidCursor('after');
    const deadline = Date.now() + Math.min(command.waitSeconds, MAX_FEED_WAIT_SECONDS) * 1000;
    const limit = Math.min(command.limit, MAX_FEED_LIMIT);
    for (;;) {
      const seen = this.notifier.generation;
      const rows = await this.store.page(after, limit, (n) => agencyScopeCondition(caller, 'agency_code', n));
      const remaining = deadline - Date.now();
      if (rows.length > 0 || remaining <= 0 || this.notifier.closed) {
        const items = rows.map((r) => toFeedItem(r, this.cursors));
        return { items, next: items.at(-1)?.cursor ?? this.cursors.encode(after) };
      }
      await this.notifier.wait(Math.min(remaining, REREAD_MS), undefined, seen);
    }
  }
}
