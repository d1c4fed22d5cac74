import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The registry served at /metrics; other libs register their metrics here (e.g. outbox lag). */
export const metricsRegistry = new Registry();

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

let defaultMetricsEnabled = false;

/** Process metrics (CPU, memory, event loop, GC); idempotent because prom-client refuses duplicates. */
export function enableDefaultMetrics(): void {
  if (defaultMetricsEnabled) return;
  collectDefaultMetrics({ register: metricsRegistry });
  defaultMetricsEnabled = true;
}
