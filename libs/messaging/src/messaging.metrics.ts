import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '@hub/platform';

export const outboxPublished = new Counter({
  name: 'hub_outbox_published_total',
  help: 'Outbox events published to Kafka, by topic',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});

export const outboxPublishFailures = new Counter({
  name: 'hub_outbox_publish_failures_total',
  help: 'Outbox batches that could not be published (they are retried)',
  registers: [metricsRegistry],
});

export const outboxParked = new Counter({
  name: 'hub_outbox_parked_total',
  help: 'Outbox events parked because the broker refused them for their size (outbox.parked_at / parked_reason), by topic',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});

export const outboxSizeRefusals = new Counter({
  name: 'hub_outbox_size_refusals_total',
  help: 'Sends of the outbox relay the broker refused for their size (MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE); each is split or parked',
  registers: [metricsRegistry],
});

export const outboxOldestPendingSeconds = new Gauge({
  name: 'hub_outbox_oldest_pending_seconds',
  help: 'Age of the oldest unpublished outbox event after the last relay batch (0 when the outbox is empty)',
  registers: [metricsRegistry],
});

export const consumedEvents = new Counter({
  name: 'hub_consumer_events_total',
  help: 'Consumed events by topic and outcome (applied, duplicate, dead_lettered)',
  labelNames: ['topic', 'outcome'] as const,
  registers: [metricsRegistry],
});
