import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** The agencies a notification names, or `any` when it names none (a long list, or a LISTEN re-established). */
export type FeedAgencies = readonly string[] | 'any';

/**
 * One `LISTEN agency_feed` connection per process (the insert trigger notifies at commit, naming the agencies it
 * wrote items for). Long polls and the webhook worker wait here for "something may have arrived"; they still
 * re-read with a short poll because the horizon also moves when an older transaction ends without writing to the
 * feed. `onItems` listeners hear which agencies.
 */
@Injectable()
export class FeedNotifier implements OnApplicationShutdown {
  private readonly logger = new Logger('FeedNotifier');
  private readonly waiters = new Set<() => void>();
  private readonly itemListeners = new Set<(agencies: FeedAgencies) => void>();
  private listener?: Client;
  private connecting?: Promise<void>;
  private stopped = false;
  private notifications = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    void this.ensureListening();
  }

  /** Resolves on the next notification (at once if one came after `since`), or after `ms`, or when `signal` aborts. */
  async wait(ms: number, signal?: AbortSignal, since?: number): Promise<void> {
    void this.ensureListening();
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

  private ensureListening(): Promise<void> {
    if (this.listener || this.stopped) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const { url } = this.dataSource.options as PostgresConnectionOptions;
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      client.on('notification', (message) => {
        this.notifications++;
        const agencies: FeedAgencies = message.payload ? message.payload.split(',') : 'any';
        for (const listener of this.itemListeners) listener(agencies);
        for (const wake of [...this.waiters]) wake();
      });
      client.on('error', (e) => {
        this.logger.warn(`LISTEN connection lost: ${e.message}`);
        if (this.listener === client) this.listener = undefined;
        void client.end().catch(() => undefined);
      });
      await client.query('LISTEN agency_feed');
      if (this.stopped) await client.end();
      else this.listener = client;
      // Whatever was notified while no connection listened is unknown.
      for (const listener of this.itemListeners) listener('any');
    } catch (e) {
      this.logger.warn(`LISTEN failed, polling only for now: ${(e as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.waiters]) wake();
    await this.connecting?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }
}
