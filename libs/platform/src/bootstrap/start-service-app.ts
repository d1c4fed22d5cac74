import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import { startMetricsServer } from '../metrics/metrics-server';
import { serviceRuntimeOf } from './create-service-app';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Listens on HTTP_HOST (loopback unless configured otherwise) and stops gracefully on SIGTERM/SIGINT. */
export async function startServiceApp(app: NestFastifyApplication, port: number): Promise<void> {
  const { logger, shutdownTimeoutMs, host, metrics } = serviceRuntimeOf(app);
  await app.listen({ port, host });
  if (metrics) {
    const server = await startMetricsServer(metrics.port, metrics.host);
    app.getHttpServer().once('close', () => server.close());
    logger.info({ msg: 'Metrics listening', port: (server.address() as AddressInfo).port, host: metrics.host });
  }
  installGracefulShutdown(app, logger, shutdownTimeoutMs);
  logger.info({ msg: 'Listening', url: await app.getUrl() });
}

// Own handler instead of Nest's enableShutdownHooks(): same hooks via app.close(), plus a hard deadline and
// a clean exit code. A second identical signal hits the default handler and kills the process at once.
function installGracefulShutdown(app: NestFastifyApplication, logger: Logger, timeoutMs: number): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals | 'parent process gone') => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'Shutting down', signal, timeoutMs });
    // Not unref'd: a close that never settles must still end in a non-zero exit.
    const deadline = setTimeout(() => {
      logger.error({ msg: 'Shutdown timed out, exiting', timeoutMs });
      process.exit(1);
    }, timeoutMs);
    app.close().then(
      () => {
        clearTimeout(deadline);
        logger.info({ msg: 'Stopped' });
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error({ msg: 'Shutdown failed', err: error });
        process.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, shutdown);
  // Started by a hub tool (npm start, the e2e and bench harnesses) with an IPC channel: when that parent dies,
  // even by SIGKILL, the channel closes and the app stops too instead of living on as an orphan.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => shutdown('parent process gone'));
  }
}
