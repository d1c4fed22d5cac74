import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** Someone waiting for a channel's notifications. */
export interface NotificationSubscriber {
  /** A notification on the channel (delivered at its transaction's commit), with its payload ('' when it has none). */
  notified(payload: string): void;
  /** LISTEN is in place (again): whatever was notified while no connection listened is unknown, so look. */
  listening?(): void;
}

/** How long after a lost or refused LISTEN connection the next attempt is made. */
export const LISTEN_RETRY_MS = 1_000;

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The process's ONE `LISTEN` connection to its database, for every channel it subscribes to (the outbox relay's
 * `outbox`, the agency feed's `agency_feed`, ...). A commit that notifies several channels then wakes one backend and
 * sends one packet to this process, instead of one per channel and listener. Connects on the first subscription;
 * after a lost connection it reconnects every `LISTEN_RETRY_MS` while anyone subscribes, and tells every subscriber
 * (`listening`) once LISTEN is back, since notifications meanwhile are lost.
 */
@Injectable()
export class PgNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger('PgNotifications');
  private readonly channels = new Map<string, Set<NotificationSubscriber>>();
  private client?: Client;
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Delivers `channel`'s notifications to `subscriber` until the returned function is called. */
  subscribe(channel: string, subscriber: NotificationSubscriber): () => void {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let subscribers = this.channels.get(channel);
    if (!subscribers) {
      subscribers = new Set();
      this.channels.set(channel, subscribers);
      // A new channel on a live connection: LISTEN to it there (a connection being made LISTENs to every channel).
      const client = this.client;
      if (client) {
        void client.query(`LISTEN ${channel}`).then(
          () => subscriber.listening?.(),
          (e: Error) => this.lose(client, e),
        );
      }
    } else if (this.client) subscriber.listening?.();
    subscribers.add(subscriber);
    void this.ensureConnected();
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.channels.get(channel) === subscribers) this.channels.delete(channel);
    };
  }

  /** Whether LISTEN is in place now. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.stopped || this.channels.size === 0) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const { url } = this.dataSource.options as PostgresConnectionOptions;
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      client.on('notification', (message) => {
        for (const subscriber of this.channels.get(message.channel) ?? []) subscriber.notified(message.payload ?? '');
      });
      client.on('error', (e) => this.lose(client, e));
      client.on('end', () => this.lose(client, new Error('connection ended')));
      const channels = [...this.channels.keys()];
      await client.query(channels.map((channel) => `LISTEN ${channel};`).join(' '));
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      // Channels first subscribed while this connection was being made.
      const late = [...this.channels.keys()].filter((channel) => !channels.includes(channel));
      if (late.length > 0) await client.query(late.map((channel) => `LISTEN ${channel};`).join(' '));
      for (const channel of [...channels, ...late]) for (const subscriber of this.channels.get(channel) ?? []) subscriber.listening?.();
    } catch (e) {
      this.logger.warn(`LISTEN failed, polling only for now: ${(e as Error).message}`);
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.scheduleRetry();
    }
  }

  private lose(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (!this.stopped) this.logger.warn(`LISTEN connection lost: ${error.message}`);
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.ensureConnected();
    }, LISTEN_RETRY_MS);
    this.retry.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners('end');
    await client?.end().catch(() => undefined);
  }
}
