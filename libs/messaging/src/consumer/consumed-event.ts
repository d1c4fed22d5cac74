import { decodePayload, EventHeaders, type EventDefinition, type DeadLetterReason } from '@hub/contracts';
import type { EventTrace } from '@hub/platform';
import type { KafkaMessage } from 'kafkajs';

export interface ConsumedEvent<P> {
  payload: P;
  eventId: string;
  key: string;
  topic: string;
  partition: number;
  offset: string;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId?: string;
}

/** The trace of the work an event causes: its correlation carried on, the event itself as the cause. */
export function traceOf(event: Pick<ConsumedEvent<unknown>, 'correlationId' | 'eventId'>): EventTrace {
  return { correlationId: event.correlationId, causationId: event.eventId };
}

export type DecodedMessage<P> =
  | { kind: 'event'; event: ConsumedEvent<P>; raw: KafkaMessage }
  | { kind: 'poison'; reason: DeadLetterReason; error: string; raw: KafkaMessage };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function headerValue(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Checks the envelope and the payload contract; anything wrong makes the message poison, never a crash. */
export function decodeMessage<P extends object>(def: EventDefinition<P>, topic: string, partition: number, raw: KafkaMessage): DecodedMessage<P> {
  const poison = (reason: DeadLetterReason, error: string): DecodedMessage<P> => ({ kind: 'poison', reason, error, raw });
  const eventId = headerValue(raw, EventHeaders.EventId);
  if (!eventId || !UUID.test(eventId)) return poison('INVALID_ENVELOPE', `header ${EventHeaders.EventId} must be a UUID`);
  const type = headerValue(raw, EventHeaders.EventType);
  const version = headerValue(raw, EventHeaders.EventVersion);
  if (type !== def.type || version !== String(def.version)) {
    return poison('INVALID_ENVELOPE', `expected event ${def.type} v${def.version}, got ${type ?? '?'} v${version ?? '?'}`);
  }
  // The broker's ACLs already let only the owner write the topic; this also catches a principal shared by mistake.
  const producer = headerValue(raw, EventHeaders.Producer);
  if (producer !== def.owner) return poison('PRODUCER_MISMATCH', `${def.topic} is published by ${def.owner} only, this message says producer ${producer ?? '(none)'}`);
  if (!raw.key || !raw.value) return poison('INVALID_ENVELOPE', 'message has no key or no value');
  let plain: unknown;
  try {
    plain = JSON.parse(raw.value.toString('utf8'));
  } catch {
    return poison('INVALID_PAYLOAD', 'value is not valid JSON');
  }
  const decoded = decodePayload(def, plain);
  if (!decoded.ok) return poison('INVALID_PAYLOAD', decoded.violations.map((v) => `${v.field || '(root)'}: ${v.message}`).join('; ').slice(0, 2000));
  const key = raw.key.toString('utf8');
  if (def.keyOf(decoded.value) !== key) return poison('INVALID_PAYLOAD', `key ${key} does not match the payload's aggregate id`);
  return {
    kind: 'event',
    raw,
    event: {
      payload: decoded.value,
      eventId,
      key,
      topic,
      partition,
      offset: raw.offset,
      occurredAt: headerValue(raw, EventHeaders.OccurredAt) ?? new Date(Number(raw.timestamp)).toISOString(),
      producer,
      correlationId: headerValue(raw, EventHeaders.CorrelationId) ?? eventId,
      causationId: headerValue(raw, EventHeaders.CausationId),
    },
  };
}
