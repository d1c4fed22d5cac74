import { EventEnvelopeV1, type EventDefinition } from '@hub/contracts';
import { componentRef, type JsonSchema } from './json-schema';

export const ENVELOPE = EventEnvelopeV1.name;

/** Which services publish and which consume each topic, found in the apps' code (see wiring.ts). */
export interface Wiring {
  producers: Readonly<Record<string, readonly string[]>>;
  consumers: Readonly<Record<string, readonly string[]>>;
}

/** The envelope with this event's type and version fixed. */
export function envelopeFor(def: EventDefinition): JsonSchema {
  return {
    allOf: [componentRef(ENVELOPE), { properties: { 'event-type': { const: def.type }, 'event-version': { const: String(def.version) } } }],
  };
}

/** Example envelope; the producer shown is the service named by the topic's first segment. */
export function exampleHeaders(def: EventDefinition): Record<string, string> {
  return {
    'event-id': '0b8f5d2e-6a3c-4f1e-9d7a-2c4b6e8f0a1d',
    'event-type': def.type,
    'event-version': String(def.version),
    'occurred-at': '2026-01-12T02:30:00.000Z',
    producer: def.topic.split('.')[0],
    'correlation-id': 'c2a7e0f4-93b1-4d5e-8f6a-1b2c3d4e5f60',
  };
}

export function exampleKey(def: EventDefinition): string {
  return JSON.stringify(def.keyOf(def.example));
}

/** Code-point order, independent of the machine's locale. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** `Deprecated: replaced by <topic>. <note> ` for a retired version (the start of its descriptions), else nothing. */
export function deprecationNotice(def: EventDefinition): string {
  return def.deprecated ? `Deprecated: replaced by ${def.deprecated.replacedBy}. ${def.deprecated.note} ` : '';
}
