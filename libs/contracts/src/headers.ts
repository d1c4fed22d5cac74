/** Envelope carried in Kafka headers; payloads carry business fields only. */
export const EventHeaders = {
  EventId: 'event-id',
  EventType: 'event-type',
  EventVersion: 'event-version',
  OccurredAt: 'occurred-at',
  Producer: 'producer',
  CorrelationId: 'correlation-id',
  CausationId: 'causation-id',
  TraceParent: 'traceparent',
} as const;

/** Extra headers on a dead-lettered message. */
export const DeadLetterHeaders = {
  Reason: 'dlq-reason',
  Error: 'dlq-error',
  Consumer: 'dlq-consumer',
  OriginalTopic: 'dlq-original-topic',
  OriginalPartition: 'dlq-original-partition',
  OriginalOffset: 'dlq-original-offset',
  FailedAt: 'dlq-failed-at',
} as const;

/** Why a message was parked, or the code of a business rejection its consumer classified as dead-letter. */
export type DeadLetterReason = 'INVALID_ENVELOPE' | 'PRODUCER_MISMATCH' | 'INVALID_PAYLOAD' | 'HANDLER_FAILED' | 'SNAPSHOT_CONFLICT' | (string & {});
