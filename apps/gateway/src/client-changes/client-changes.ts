import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ReadinessCheck } from '@hub/platform';
import { Redis } from 'ioredis';
import { ClientChangeListeners, encodeClientChange, type ClientChangeListener } from './client-change-listeners';

export interface ClientChangesOptions {
  redisUrl: string;
  /** The pub/sub channel every replica of one deployment shares. */
  channel: string;
  /** Beyond this, publishing counts as failed (the change is made; other replicas fall back to their cache TTLs). */
  redisTimeoutMs: number;
}

export const CLIENT_CHANGES_OPTIONS = Symbol('CLIENT_CHANGES_OPTIONS');

/**
 * Tells every gateway replica, through Redis pub/sub, that a client changed, so each drops what it cached about it
 * (API keys, token status, compat session identity) at once. When Redis is unreachable the change still applies here
 * at once and elsewhere within the cache TTLs; when the subscription comes back, every cache is dropped (changes
 * may have been missed meanwhile) and readiness stops reporting `degraded`.
 */
@Injectable()
export class ClientChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClientChanges.name);
  private readonly listeners = new ClientChangeListeners();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private subscribed = false;
  private closing = false;

  constructor(@Inject(CLIENT_CHANGES_OPTIONS) private readonly options: ClientChangesOptions) {
    const common = { lazyConnect: true, retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000) };
    this.publisher = new Redis(options.redisUrl, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: options.redisTimeoutMs });
    // Reconnects however long Redis is away; each time, subscribes again and then drops every cache (see onReady).
    this.subscriber = new Redis(options.redisUrl, { ...common, autoResubscribe: false, maxRetriesPerRequest: null });
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', (err: Error) => this.lost(err.message));
    this.subscriber.on('close', () => this.lost('connection closed'));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === options.channel && this.listeners.receive(message) === undefined) this.logger.warn({ msg: 'Ignored a malformed client-change message' });
    });
  }

  async onModuleInit(): Promise<void> {
    let subscribing: Promise<void> | undefined;
    this.subscriber.on('ready', () => (subscribing = this.onReady()));
    await Promise.all([this.publisher.connect(), this.subscriber.connect()].map((p) => p.catch((err: Error) => this.lost(err.message))));
    // Serve only once subscribed when Redis is there; without it, start anyway (the TTLs bound the caches).
    await subscribing;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  /** A cache that must forget a changed client. */
  register(listener: ClientChangeListener): void {
    this.listeners.add(listener);
  }

  /** After a change is committed: this replica forgets the client at once, the others as soon as Redis delivers. Never throws. */
  async changed(clientId: string): Promise<void> {
    this.listeners.forgetClient(clientId);
    try {
      if (this.publisher.status !== 'ready') throw new Error(`Redis is ${this.publisher.status}`);
      await this.publisher.publish(this.options.channel, encodeClientChange(clientId));
    } catch (err) {
      this.logger.warn({ msg: 'Client change not published: other replicas see it within their cache TTLs', clientId, reason: (err as Error).message });
    }
  }

  readiness(): ReadinessCheck {
    return {
      name: 'client-changes',
      check: async () => (this.subscribed && this.subscriber.status === 'ready' ? undefined : { degraded: 'Redis unreachable: client changes reach this replica only within the cache TTLs' }),
    };
  }

  /** Subscribed first, then forget everything: a change made while the channel was down is not missed. */
  private async onReady(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.options.channel);
      this.subscribed = true;
      this.listeners.forgetAll();
      this.logger.log({ msg: 'Subscribed to client changes', channel: this.options.channel });
    } catch (err) {
      this.lost((err as Error).message);
    }
  }

  private lost(reason: string): void {
    if (this.subscribed && !this.closing) this.logger.warn({ msg: 'Client-change channel lost: cache TTLs bound what other replicas change', reason });
    this.subscribed = false;
  }
}
