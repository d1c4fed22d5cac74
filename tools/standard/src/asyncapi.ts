import { EventHeaders, type EventDefinition, type PacketDefinition } from '@hub/contracts';
import { componentRef, type JsonSchema } from './json-schema';
import { byText, deprecationNotice, envelopeFor, exampleHeaders, exampleKey, type Wiring } from './events';

const KAFKA_BINDING = '0.5.0';
const HTTP_BINDING = '0.3.0';

interface AsyncApiInput {
  events: EventDefinition[];
  packets: PacketDefinition[];
  wiring: Wiring;
}

/**
 * One AsyncAPI 3.0 document for the whole hub: a channel per Kafka topic (key, headers, payload, compaction), a
 * `send` operation per producing service and a `receive` operation per consuming service (tagged with the service),
 * and, once webhook bodies are registered in PACKET_REGISTRY, the webhook the hub calls on agency systems.
 * Schemas are inlined under `components.schemas` so the document stands alone.
 */
export function buildAsyncApi(input: AsyncApiInput, classes: Map<string, JsonSchema>): unknown {
  const webhooks = input.packets.filter((p) => p.kind === 'webhook-body');
  const schemas: Record<string, JsonSchema> = Object.fromEntries([...classes].sort(byText(([name]) => name)));
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const def of input.events) {
    schemas[`${def.topic}.headers`] = envelopeFor(def);
    messages[def.topic] = eventMessage(def);
    channels[def.topic] = eventChannel(def, input.wiring);
    for (const service of input.wiring.producers[def.topic] ?? []) operations[`${service}.send.${def.topic}`] = operation('send', def.topic, def.type, service);
    for (const service of input.wiring.consumers[def.topic] ?? []) operations[`${service}.receive.${def.topic}`] = operation('receive', def.topic, def.type, service);
  }
  if (webhooks.length > 0) {
    schemas[WEBHOOK_HEADERS] = WEBHOOK_HEADERS_SCHEMA;
    for (const def of webhooks) messages[def.name] = webhookMessage(def);
    channels[WEBHOOK_CHANNEL] = webhookChannel(webhooks);
    operations[`gateway.send.${WEBHOOK_CHANNEL}`] = webhookOperation(webhooks);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'National public-service hub: data-packet standard',
      version: '1',
      description: [
        'The structure of every data packet the hub exchanges: events on Kafka topics (one topic per event version; the',
        'version is in the name and a published version never changes meaning), and the packets delivered to agency',
        'systems. Generated from libs/contracts by `npm run standard`; JSON Schemas (draft 2020-12) of each packet are',
        'published beside this document under /standard/schemas/. Optional properties may be absent or null; readers',
        'ignore properties they do not know, so a version may gain optional properties and nothing else.',
      ].join(' '),
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: '{brokers}',
        protocol: 'kafka',
        description: 'The hub event backbone (internal to the hub; agency systems receive the feed and webhooks).',
        variables: { brokers: { default: 'localhost:9092', description: 'Bootstrap brokers of the deployment.' } },
      },
      ...(webhooks.length > 0 ? { [WEBHOOK_SERVER]: WEBHOOK_SERVER_OBJECT } : {}),
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}

function eventMessage(def: EventDefinition): unknown {
  return {
    name: def.type,
    title: `${def.type} v${def.version}`,
    contentType: 'application/json',
    headers: { $ref: `#/components/schemas/${def.topic}.headers` },
    payload: componentRef(def.payload.name),
    correlationId: { location: `$message.header#/${EventHeaders.CorrelationId}` },
    bindings: {
      kafka: {
        key: { type: 'string', description: `The aggregate id, e.g. ${exampleKey(def)}: every event of one aggregate stays in order.` },
        bindingVersion: KAFKA_BINDING,
      },
    },
    examples: [{ name: 'example', headers: exampleHeaders(def), payload: def.example }],
  };
}

function eventChannel(def: EventDefinition, wiring: Wiring): unknown {
  const producers = wiring.producers[def.topic] ?? [];
  const consumers = wiring.consumers[def.topic] ?? [];
  return {
    address: def.topic,
    title: def.topic,
    description: [
      ...(def.deprecated ? [deprecationNotice(def).trim()] : []),
      def.deprecated
        ? 'Kept in the standard so that a published version never disappears silently.'
        : `Published by ${producers.join(', ') || '(no service yet)'}; consumed by ${consumers.join(', ') || '(no service yet)'}.`,
      def.compacted ? 'Compacted: the latest message per key is the current state (a snapshot).' : 'Every message is a fact that happened.',
      `Poison messages are parked on ${def.topic}.dlq with the reason in headers.`,
    ].join(' '),
    servers: [{ $ref: '#/servers/kafka' }],
    messages: { [def.type]: { $ref: `#/components/messages/${def.topic}` } },
    bindings: { kafka: { topic: def.topic, topicConfiguration: { 'cleanup.policy': [def.compacted ? 'compact' : 'delete'] }, bindingVersion: KAFKA_BINDING } },
  };
}

function operation(action: 'send' | 'receive', topic: string, type: string, service: string): unknown {
  return {
    action,
    title: `${service} ${action === 'send' ? 'publishes' : 'consumes'} ${topic}`,
    channel: { $ref: `#/channels/${topic}` },
    messages: [{ $ref: `#/channels/${topic}/messages/${type}` }],
    tags: [{ name: service }],
  };
}

// Webhooks (issue 7, agency connectivity): described here so that registering a `webhook-body` packet publishes them.
const WEBHOOK_SERVER = 'agency-system';
const WEBHOOK_CHANNEL = 'agency-webhook';
const WEBHOOK_HEADERS = 'agency-webhook.headers';
const WEBHOOK_SERVER_OBJECT = {
  host: '{host}',
  protocol: 'https',
  description: "An agency system's webhook receiver, registered with PUT /v1/agency-webhooks/{agencyCode}.",
  variables: { host: { description: 'Host of the URL the agency system registered.' } },
};
const WEBHOOK_HEADERS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['X-Hub-Signature', 'Content-Type'],
  properties: {
    'X-Hub-Signature': {
      type: 'string',
      pattern: '^t=\\d+,v1=[0-9a-f]{64}$',
      description: 't = unix seconds of signing; v1 = hex HMAC-SHA256, keyed with the webhook secret, of "<t>.<raw body>".',
    },
    'Content-Type': { const: 'application/json' },
  },
};

function webhookMessage(def: PacketDefinition): unknown {
  return { name: def.name, title: def.name, summary: def.summary, contentType: 'application/json', headers: componentRef(WEBHOOK_HEADERS), payload: componentRef(def.payload.name) };
}

function webhookChannel(webhooks: PacketDefinition[]): unknown {
  return {
    address: null,
    title: 'Agency system webhook',
    description: [
      'The URL an agency system registered for its agencies. The hub POSTs the same items as GET /v1/agency-feed, in',
      'feed order per agency and in order per dossier, never two deliveries of one item at a time. Verify',
      'X-Hub-Signature (reject a t older than a few minutes) before trusting the body. Answer 2xx to acknowledge;',
      'anything else is retried with exponential back-off and jitter for up to 24 h, then parked (replayable).',
    ].join(' '),
    servers: [{ $ref: `#/servers/${WEBHOOK_SERVER}` }],
    messages: Object.fromEntries(webhooks.map((w) => [w.name, { $ref: `#/components/messages/${w.name}` }])),
  };
}

function webhookOperation(webhooks: PacketDefinition[]): unknown {
  return {
    action: 'send',
    title: 'The hub delivers webhooks to agency systems',
    channel: { $ref: `#/channels/${WEBHOOK_CHANNEL}` },
    messages: webhooks.map((w) => ({ $ref: `#/channels/${WEBHOOK_CHANNEL}/messages/${w.name}` })),
    bindings: { http: { method: 'POST', bindingVersion: HTTP_BINDING } },
    tags: [{ name: 'gateway' }],
  };
}
