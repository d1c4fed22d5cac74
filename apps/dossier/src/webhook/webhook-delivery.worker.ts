import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@hub/platform';
import type { DataSource } from 'typeorm';
import { AgencyFeedStore } from '../agency-feed/agency-feed.store';
import { FeedCursorCodec } from '../agency-feed/feed-cursor';
import { toFeedItem } from '../agency-feed/feed-item';
import { FeedNotifier } from '../agency-feed/feed-notifier';
import { afterFailure } from './retry-policy';
import { SecretBox } from './secret-box';
import { WebhookSender } from './webhook.sender';
import { WebhookStore, type Delivery } from './webhook.store';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

/** Items moved from an agency's feed to its deliveries per round; agencies sent to at once per round. */
const ENQUEUE_BATCH = 500;
const CLAIM_BATCH = 50;
const LOCK_NAMESPACE = 'hub/agency-webhook/enqueue:';

/**
 * Moves each subscribed agency's new feed items to its deliveries (one enqueuer per agency at a time: an advisory
 * lock, which gives the transaction no id and so never holds the feed's horizon back), then sends the head delivery
 * of every agency that has one due. Safe with several replicas; wakes on the feed's NOTIFY, which names the agencies
 * that got items: a wake enqueues for those of them that have a webhook (as of the last full round), and once per
 * interval a full round enqueues for every subscribed agency (new webhooks, items that became visible when an older
 * transaction ended, notifications missed while LISTEN was down).
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliveryWorker');
  private running = false;
  private loop?: Promise<void>;
  private readonly stopping = new AbortController();
  /** When the loop last looked for due deliveries (see `run`). */
  private lastClaimAt = 0;
  /** When the loop last enqueued for every subscribed agency, and which agencies had a webhook then. */
  private lastFullRoundAt = 0;
  private subscribed = new Set<string>();
  /** Agencies notified since the last round; `any` when a notification named none. */
  private notified = new Set<string>();
  private notifiedAny = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: AgencyFeedStore,
    private readonly store: WebhookStore,
    private readonly sender: WebhookSender,
    private readonly notifier: FeedNotifier,
    private readonly secrets: SecretBox,
    @Inject(FeedCursorCodec) private readonly cursors: FeedCursorCodec,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs <= 0) return;
    this.notifier.onItems((agencies) => {
      if (agencies === 'any') this.notifiedAny = true;
      else for (const agency of agencies) this.notified.add(agency);
    });
    this.start();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    await this.loop;
  }

  /** One round: enqueue, then send what is due. Returns how much it did (for tests and the loop). */
  async runOnce(): Promise<{ enqueued: number; sent: number }> {
    const enqueued = await this.enqueueAll();
    const sent = await this.deliverDue();
    return { enqueued, sent };
  }

  private async run(): Promise<void> {
    while (this.running) {
      let busy = false;
      const seen = this.notifier.generation;
      try {
        // A feed NOTIFY wakes the loop once per new item (every online intake). Deliveries only become due by being
        // enqueued, or when a retry's time comes, which the interval's round finds: so a wake that enqueued nothing
        // looks for due deliveries at most once per interval instead of once per item.
        const enqueued = await this.enqueueNotified();
        const claimDue = enqueued > 0 || Date.now() - this.lastClaimAt >= this.settings.intervalMs;
        if (claimDue) this.lastClaimAt = Date.now();
        const sent = claimDue ? await this.deliverDue() : 0;
        busy = enqueued > 0 || sent > 0;
      } catch (e) {
        this.logger.warn(`webhook round failed: ${(e as Error).message}`);
      }
      if (!busy && this.running) await this.notifier.wait(this.settings.intervalMs, this.stopping.signal, seen);
    }
  }

  /** A full round when one is due (or a notification named no agency), else the notified agencies that have a webhook. */
  private async enqueueNotified(): Promise<number> {
    if (this.notifiedAny || Date.now() - this.lastFullRoundAt >= this.settings.intervalMs) return this.enqueueAll();
    const agencies = [...this.notified].filter((agency) => this.subscribed.has(agency));
    this.notified.clear();
    let total = 0;
    for (const agency of agencies) total += await this.enqueue(agency);
    return total;
  }

  private async enqueueAll(): Promise<number> {
    this.notifiedAny = false;
    this.notified.clear();
    this.lastFullRoundAt = Date.now();
    const agencies: Array<{ agency_code: string }> = await this.dataSource.query(`SELECT agency_code FROM agency_webhook WHERE active`);
    this.subscribed = new Set(agencies.map((a) => a.agency_code));
    let total = 0;
    for (const { agency_code: agency } of agencies) total += await this.enqueue(agency);
    return total;
  }

  private enqueue(agency: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [LOCK_NAMESPACE + agency]);
      if (!locked) return 0;
      const subscription = await this.store.find(agency, tx);
      if (!subscription?.active) return 0;
      const rows = await this.feed.page(subscription.position, ENQUEUE_BATCH, (n) => ({ sql: `agency_code = $${n}`, params: [agency] }), subscription.eventTypes, tx);
      if (rows.length === 0) return 0;
      await this.store.enqueue(tx, agency, rows.map((r) => r.position.id.toString()), rows[rows.length - 1].position);
      return rows.length;
    });
  }

  private async deliverDue(): Promise<number> {
    const claimed = await this.store.claimHeads(CLAIM_BATCH, this.sender.maxDurationMs + 5000);
    await Promise.all(claimed.map((d) => this.deliver(d).catch((e: Error) => this.logger.warn(`delivery ${d.deliveryId} failed: ${e.message}`))));
    return claimed.length;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const subscription = await this.store.find(delivery.agencyCode);
    const row = (await this.feed.byIds([delivery.feedId])).get(delivery.feedId);
    if (!subscription?.active || !row) {
      await this.store.park(delivery, null, subscription?.active ? 'the feed item is gone' : 'the webhook is inactive');
      return;
    }
    const body = JSON.stringify({ deliveryId: delivery.deliveryId, agencyCode: delivery.agencyCode, item: toFeedItem(row, this.cursors) });
    const now = this.clock.now();
    const outcome = await this.sender.send(
      subscription.url,
      this.secrets.open(subscription.secretSealed),
      body,
      { 'x-hub-delivery': delivery.deliveryId, 'x-hub-event': row.type, 'x-hub-attempt': String(delivery.attempts) },
      now,
    );
    if (outcome.ok) {
      await this.store.delivered(delivery.id, outcome.statusCode);
      return;
    }
    const next = afterFailure(delivery.attempts, delivery.firstAttemptAt ?? now, this.clock.now(), this.settings.retry);
    if (next.park) await this.store.park(delivery, outcome.statusCode, outcome.error);
    else await this.store.failed(delivery.id, outcome.statusCode, outcome.error, next.nextAttemptAt);
  }
}
