import { COMPAT_PACKETS } from './compat/compat-packets';
// The packet files call definePacket (a hoisted function) from here: the import cycle is safe.
import { AgencyFeedItem, AgencyWebhookDelivery } from './packets/agency-feed.packets';

/**
 * What kind of data packet the hub exchanges with agency systems outside Kafka. Each kind is published in the
 * data-packet standard (`docs/standard/`) next to the events.
 * - `feed-item`: one item of `GET /v1/agency-feed`;
 * - `webhook-body`: the body the hub POSTs to an agency system's webhook (signed, retried, ordered per dossier);
 * - `compat-request` / `compat-answer`: a call and its answer on the compatibility endpoint (`/dvcqg/...`).
 */
export const PACKET_KINDS = ['feed-item', 'webhook-body', 'compat-request', 'compat-answer'] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

/**
 * One published data packet that is not a Kafka event: its versioned name (`agency-feed.item.v1`), its kind, the
 * validated payload class and an example. A published version never changes meaning, like an event's.
 */
export interface PacketDefinition<P extends object = object> {
  readonly name: string;
  readonly kind: PacketKind;
  readonly version: number;
  readonly payload: new () => P;
  /** One sentence for the published standard, in English. */
  readonly summary: string;
  readonly example: P;
}

export function definePacket<P extends object>(def: {
  name: string;
  kind: PacketKind;
  payload: new () => P;
  summary: string;
  example: NoInfer<P>;
}): PacketDefinition<P> {
  const match = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*\.v(\d+)$/.exec(def.name);
  if (!match) throw new Error(`Packet ${def.name} must be lower-case dotted words ending with its version, e.g. agency-feed.item.v1`);
  return { ...def, version: Number(match[1]) };
}

/**
 * Every data packet the hub publishes besides events. Adding a feed item, webhook body or compatibility request or
 * answer means adding it here: `npm run standard` then publishes its JSON Schema and, for webhook bodies, the webhook
 * in the AsyncAPI document. Empty until the agency-connectivity work defines them.
 */
export const PACKET_REGISTRY: readonly PacketDefinition[] = [
  ...COMPAT_PACKETS,
  // Agency feed and webhooks (issue 7).
  AgencyFeedItem,
  AgencyWebhookDelivery,
];
