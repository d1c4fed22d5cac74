import { Counter } from 'prom-client';
import { metricsRegistry } from '@hub/platform';

export const rateLimitDecisions = new Counter({
  name: 'hub_rate_limit_decisions_total',
  help: 'Rate-limit decisions by source: lease (a token this replica already held, or a refusal it had learned), store (a Redis call made for it), local (Redis unreachable: per-replica bucket)',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

export const rateLimitStoreCalls = new Counter({
  name: 'hub_rate_limit_store_calls_total',
  help: 'Calls to the shared token buckets in Redis (one per lease), by outcome (ok, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});
