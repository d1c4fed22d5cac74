import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PgNotifications } from '@hub/persistence';

/** The agencies a notification names, or `any` when it names none (a long list, or a LISTEN re-established). */
export type FeedAgencies = readonly string[] | 'any';

/**
 * The `agency_feed` channel, on the process's one LISTEN connection (`PgNotifications`; the insert trigger notifies at
 * commit, naming the agencies it wrote items for). Long polls and the webhook worker wait here for "something may have
 * arrived"; they still re-read with a short poll because the horizon also moves when an older transaction ends
 * without writing to the feed. `onItems` listeners hear which agencies.
 */
@Injectable()
export class FeedNotifier implements OnApplicationShutdown {
  private readonly waiters = new Set<() => void>();
  private readonly itemListeners = new Set<(agencies: FeedAgencies) => void>();
  private unsubscribe?: () => void;
  private stopped = false;
  private notifications = 0;

  constructor(private readonly pgNotifications: PgNotifications) {}

  /** The application is shutting down: long polls answer with what they have. */
  get closed(): boolean {
    return this.stopped;
  }

  /** Grows with every notification: take it before reading, pass it to `wait` so none is missed in between. */
  get generation(): number {
    return this.notifications;
  }

  /** Calls `listener` with the agencies of every notification from now on (`any` also after LISTEN was lost). */
  onItems(listener: (agencies: FeedAgencies) => void): void {
    this.itemListeners.add(listener);
    this.ensureListening();
  }

  /** Resolves on the next notification (at once if one came after `since`), or after `ms`, or when `signal` aborts. */
  async wait(ms: number, signal?: AbortSignal, since?: number): Promise<void> {
    this.ensureListening();
    if (ms <= 0 || signal?.aborted || (since !== undefined && since !== this.notifications)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private ensureListening(): void {
    if (this.unsubscribe || this.stopped) return;
    this.unsubscribe = this.pgNotifications.subscribe('agency_feed', {
      notified: (payload) => this.notified(payload ? payload.split(',') : 'any'),
      // Whatever was notified while no connection listened is unknown.
      listening: () => {
        for (const listener of this.itemListeners) listener('any');
      },
    });
  }

  private notified(agencies: FeedAgencies): void {
    this.notifications++;
    for (const listener of this.itemListeners) listener(agencies);
    for (const wake of [...this.waiters]) wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.waiters]) wake();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
