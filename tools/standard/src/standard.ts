import { EventEnvelopeV1, type EventDefinition, type PacketDefinition } from '@hub/contracts';
import { buildAsyncApi } from './asyncapi';
import { byText, deprecationNotice, envelopeFor, exampleHeaders, exampleKey, type Wiring } from './events';
import { classSchemas, componentRef, standaloneSchema } from './json-schema';

export interface StandardInput {
  events: readonly EventDefinition[];
  packets: readonly PacketDefinition[];
  wiring: Wiring;
}

/** Generated files of `docs/standard/`, by path relative to it, as JSON values (README.md is written by hand). */
export type StandardFiles = Map<string, unknown>;

/** Where the gateway publishes the standard; schema `$id`s are paths under it. */
export const PUBLIC_BASE = '/standard/';

export const paths = {
  payload: (def: EventDefinition) => `schemas/events/${def.topic}.payload.json`,
  headers: (def: EventDefinition) => `schemas/events/${def.topic}.headers.json`,
  packet: (def: PacketDefinition) => `schemas/packets/${def.name}.json`,
};

/** Everything the standard consists of, derived from the contracts alone: same input, byte-identical output. */
export function buildStandard(input: StandardInput): StandardFiles {
  const events = [...input.events].sort(byText((d) => d.topic));
  const packets = [...input.packets].sort(byText((d) => d.name));
  const schemas = classSchemas([EventEnvelopeV1, ...events.map((e) => e.payload), ...packets.map((p) => p.payload)]);
  const files: StandardFiles = new Map();
  files.set('asyncapi.json', buildAsyncApi({ events, packets, wiring: input.wiring }, schemas));
  files.set('index.json', buildIndex(events, packets, input.wiring));
  for (const def of events) {
    const deprecated = def.deprecated ? { deprecated: true } : {};
    files.set(
      paths.payload(def),
      standaloneSchema(componentRef(def.payload.name), schemas, {
        id: PUBLIC_BASE + paths.payload(def),
        title: `${def.topic} payload`,
        description: `${deprecationNotice(def)}Payload (Kafka message value, UTF-8 JSON) of ${def.topic}; key = ${exampleKey(def)} (the aggregate id). Readers ignore properties they do not know.`,
        examples: [def.example],
        ...deprecated,
      }),
    );
    files.set(
      paths.headers(def),
      standaloneSchema(envelopeFor(def), schemas, {
        id: PUBLIC_BASE + paths.headers(def),
        title: `${def.topic} headers`,
        description: `${deprecationNotice(def)}Envelope of ${def.topic} in Kafka headers (UTF-8 strings).`,
        examples: [exampleHeaders(def)],
        ...deprecated,
      }),
    );
  }
  for (const def of packets) {
    files.set(
      paths.packet(def),
      standaloneSchema(componentRef(def.payload.name), schemas, { id: PUBLIC_BASE + paths.packet(def), title: def.name, description: def.summary, examples: [def.example] }),
    );
  }
  return files;
}

function buildIndex(events: EventDefinition[], packets: PacketDefinition[], wiring: Wiring): unknown {
  return {
    description: 'Index of the hub data-packet standard: every event (Kafka) and data packet, with its JSON Schemas (draft 2020-12).',
    asyncapi: 'asyncapi.json',
    events: events.map((def) => ({
      topic: def.topic,
      type: def.type,
      version: def.version,
      compacted: def.compacted,
      exampleKey: def.keyOf(def.example),
      producers: wiring.producers[def.topic] ?? [],
      consumers: wiring.consumers[def.topic] ?? [],
      payloadSchema: paths.payload(def),
      headersSchema: paths.headers(def),
      ...(def.deprecated ? { deprecated: true, replacedBy: def.deprecated.replacedBy, deprecationNote: def.deprecated.note } : {}),
    })),
    packets: packets.map((def) => ({ name: def.name, kind: def.kind, version: def.version, schema: paths.packet(def) })),
  };
}

/** The committed form of a generated file: 2-space JSON and a final newline. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
