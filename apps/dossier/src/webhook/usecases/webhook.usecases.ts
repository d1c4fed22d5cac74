import { Inject, Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { assertMayActFor, requireVisible, validationFailed, type CallerIdentity } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { AgencyFeedErrors } from '../../agency-feed/agency-feed.errors';
import { AgencyFeedStore } from '../../agency-feed/agency-feed.store';
import { FeedCursorCodec } from '../../agency-feed/feed-cursor';
import { SecretBox } from '../secret-box';
import { WebhookErrors } from '../webhook.errors';
import { WebhookStore, type DeliveryStatus, type Subscription } from '../webhook.store';
import { refuseTarget, type Lookup, systemLookup } from '../webhook-target';
import { WEBHOOK_SETTINGS, type WebhookSettings } from '../webhook-settings';
import type { DeliveryPage, PutWebhookBody, ReplayAnswer, WebhookView } from '../webhook.dto';

export const WEBHOOK_LOOKUP = Symbol('WEBHOOK_LOOKUP');
const iso = (d: Date | null): string | null => (d ? formatInZone(d) : null);

/** The deliveries list's cursor: the sequence of the last delivery of the page (not secret; it only pages). */
export const encodeDeliveriesCursor = (seq: bigint): string => Buffer.from(JSON.stringify(['d', seq.toString()])).toString('base64url');

export function decodeDeliveriesCursor(cursor: string): bigint {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value[0] === 'd' && typeof value[1] === 'string' && /^[1-9]\d{0,18}$/.test(value[1])) return BigInt(value[1]);
  } catch {
    // fall through
  }
  throw validationFailed([{ field: 'cursor', code: 'INVALID_CURSOR', message: 'cursor must be a nextCursor returned by this list' }]);
}

/** The subscription of one agency, if the caller may see it (another agency's answers 404 like a missing one). */
@Injectable()
export class WebhookAccess {
  constructor(private readonly store: WebhookStore) {}

  async visible(agencyCode: string, caller: CallerIdentity): Promise<Subscription> {
    return requireVisible(caller, await this.store.find(agencyCode), (s) => s.agencyCode, () => WebhookErrors.notFound(agencyCode));
  }
}

@Injectable()
export class WebhookUseCases {
  constructor(
    private readonly store: WebhookStore,
    private readonly feed: AgencyFeedStore,
    private readonly access: WebhookAccess,
    private readonly transactions: TransactionRunner,
    private readonly secrets: SecretBox,
    @Inject(FeedCursorCodec) private readonly cursors: FeedCursorCodec,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(WEBHOOK_LOOKUP) private readonly lookup: Lookup,
  ) {}

  /** Registers or replaces the agency's webhook; a new one starts after the items already in the feed. */
  async put(agencyCode: string, body: PutWebhookBody, caller: CallerIdentity): Promise<WebhookView> {
    assertMayActFor(caller, agencyCode, () => WebhookErrors.agencyScopeViolation(agencyCode));
    const refused = await refuseTarget(body.url, this.settings.allowPrivateTargets, this.lookup);
    if (refused) throw WebhookErrors.targetNotAllowed(refused.reason, refused.reasonVi);
    const saved = await this.transactions.run(async (tx) =>
      this.store.upsert(
        tx,
        { agencyCode, url: body.url, secretSealed: this.secrets.seal(body.secret), eventTypes: body.eventTypes, active: body.active ?? true, updatedBy: caller.clientId },
        await this.feed.head(tx),
      ),
    );
    return this.view(saved);
  }

  async get(agencyCode: string, caller: CallerIdentity): Promise<WebhookView> {
    return this.view(await this.access.visible(agencyCode, caller));
  }

  /** Newest first, keyset on the delivery's sequence: a page never repeats or skips a delivery made before it was read. */
  async deliveries(agencyCode: string, query: { status: DeliveryStatus | null; limit: number; cursor: string | null }, caller: CallerIdentity): Promise<DeliveryPage> {
    await this.access.visible(agencyCode, caller);
    const before = query.cursor === null ? null : decodeDeliveriesCursor(query.cursor);
    const rows = await this.store.list(agencyCode, query.limit + 1, query.status, before);
    const page = rows.slice(0, query.limit);
    return {
      nextCursor: rows.length > query.limit ? encodeDeliveriesCursor(page[page.length - 1].seq) : null,
      items: page.map((d) => ({
        deliveryId: d.deliveryId,
        cursor: this.cursors.encode(d.cursor),
        type: d.type,
        dossierCode: d.dossierCode,
        status: d.status,
        replay: d.replay,
        attempts: d.attempts,
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        lastAttemptAt: iso(d.lastAttemptAt),
        nextAttemptAt: d.status === 'PENDING' ? iso(d.nextAttemptAt) : null,
        deliveredAt: iso(d.deliveredAt),
        createdAt: formatInZone(d.createdAt),
      })),
    };
  }

  /** Sends again every item from the cursor (included) up to what was already enqueued, after what is pending. */
  async replay(agencyCode: string, from: string, caller: CallerIdentity): Promise<ReplayAnswer> {
    const subscription = await this.access.visible(agencyCode, caller);
    const position = this.cursors.decode(from);
    if (!position) throw AgencyFeedErrors.invalidCursor('from');
    const replayed = await this.transactions.run((tx) => this.store.replay(tx, agencyCode, position, subscription.eventTypes));
    return { replayed };
  }

  private view(s: Subscription): WebhookView {
    return {
      agencyCode: s.agencyCode,
      url: s.url,
      eventTypes: s.eventTypes,
      active: s.active,
      secretSet: true,
      position: this.cursors.encode(s.position),
      createdAt: formatInZone(s.createdAt),
      updatedAt: formatInZone(s.updatedAt),
    };
  }
}

export const systemWebhookLookup = { provide: WEBHOOK_LOOKUP, useValue: systemLookup };
