import { createServer, type Server } from 'node:http';
import { metricsRegistry } from './metrics-registry';

/**
 * `/metrics` on a port of its own (METRICS_PORT), so the service's API port, the one the gateway reaches, does not
 * expose it and network policies can open it to the monitoring system alone. Anything but `GET /metrics` is 404.
 */
export async function startMetricsServer(port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
