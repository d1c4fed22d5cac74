// The five built apps as child processes of `npm start`, their output prefixed, stopped by the cleanup stack.
import { spawn } from 'node:child_process';
import { stopChild } from '../lib/cleanup.mjs';
import { databaseUrl } from '../lib/infra.mjs';
import { APPS, entryOf } from '../bench/lib/build.mjs';
import { paymentPlatformEnv } from './payment-sandbox.mjs';

const READY_TIMEOUT_MS = 120_000;
const url = (port) => `http://127.0.0.1:${port}`;

/**
 * Starts every app and registers their stop (SIGTERM, SIGKILL after 20 s) before anything can fail.
 * @returns {{ children: Map<string, import('node:child_process').ChildProcess>, waitReady(): Promise<void> }}
 */
export function startApps({ settings, infra, secrets, cleanup, onExit }) {
  const children = new Map();
  cleanup.defer('stop the apps', () => Promise.all([...children.values()].map((child) => stopChild(child, 20_000))));
  const { ports } = settings;
  for (const app of APPS) {
    const group = settings.groupOf(app);
    const child = spawn(process.execPath, ['--enable-source-maps', entryOf(app)], {
      env: {
        ...process.env,
        PORT: String(ports[app]),
        DATABASE_URL: databaseUrl(infra.serverUrl, settings.databaseOf(app)),
        KAFKA_BROKERS: infra.brokers,
        ...(group ? { KAFKA_GROUP_ID: group } : {}),
        IDENTITY_SIGNING_KEY: secrets.identitySigningKey,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        CATALOGUE_URL: url(ports.catalogue),
        DOSSIER_URL: url(ports.dossier),
        PAYMENT_URL: url(ports.payment),
        RATING_URL: url(ports.rating),
        GATEWAY_BOOTSTRAP_ADMIN_KEY: secrets.adminKey,
        // The catalogue loads its sample agencies, sectors, procedures and calendars (idempotent).
        CATALOGUE_SEED: 'true',
        ...(app === 'payment' && secrets.paymentPlatform ? paymentPlatformEnv(settings, secrets) : {}),
      },
      // The IPC channel closes if this process dies, even by SIGKILL: the app then stops itself (startServiceApp).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => process.stdout.write(d.toString().replace(/^(?=.)/gm, `[${app}] `)));
    }
    child.on('error', (e) => onExit(app, `could not be started: ${e.message}`));
    child.on('exit', (code, signal) => onExit(app, `exited (${signal ?? `code ${code}`})`));
    children.set(app, child);
  }

  async function waitReady(app) {
    const child = children.get(app);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${app} exited during start-up (${child.signalCode ?? `code ${child.exitCode}`}); its last lines are above, prefixed [${app}]`);
      const ok = await fetch(`${url(ports[app])}/health/ready`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${app} was not ready after ${READY_TIMEOUT_MS / 1000} s (${url(ports[app])}/health/ready); its log lines are above, prefixed [${app}]`);
  }

  return { children, waitReady: () => Promise.all(APPS.map(waitReady)) };
}
