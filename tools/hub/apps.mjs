// The five built apps as child processes of `npm start`, their output prefixed, stopped by the cleanup stack.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stopChild } from '../lib/cleanup.mjs';
import { databaseUrl } from '../lib/infra.mjs';
import { APPS, entryOf, nodeFlagsOf } from '../bench/lib/build.mjs';
import { identityEnvOf } from './identity-keys.mjs';
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
  const kafkaPrincipals = infra.kafkaCredentialsFile ? JSON.parse(readFileSync(infra.kafkaCredentialsFile, 'utf8')) : undefined;
  // Each app as its own broker principal (its ACLs: its own topics, what it consumes); the gateway uses no Kafka.
  const kafkaEnvOf = (app) => {
    const principal = kafkaPrincipals?.services?.[app];
    return principal ? { KAFKA_USERNAME: principal.username, KAFKA_PASSWORD: principal.password, KAFKA_SASL_MECHANISM: kafkaPrincipals.mechanism ?? 'scram-sha-512' } : {};
  };
  for (const app of APPS) {
    const group = settings.groupOf(app);
    const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlagsOf(app), entryOf(app)], {
      env: {
        ...process.env,
        PORT: String(ports[app]),
        DATABASE_URL: databaseUrl(infra.serverUrl, settings.databaseOf(app), infra.databaseRoles ? settings.roleOf(app) : undefined),
        KAFKA_BROKERS: infra.brokers,
        ...kafkaEnvOf(app),
        ...(group ? { KAFKA_GROUP_ID: group } : {}),
        // The gateway signs identities; the services hold its public key only.
        ...identityEnvOf(app, secrets.identityKeys),
        LOOKUP_KEY_SECRET: secrets.lookupKeySecret,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        CATALOGUE_URL: url(ports.catalogue),
        DOSSIER_URL: url(ports.dossier),
        PAYMENT_URL: url(ports.payment),
        RATING_URL: url(ports.rating),
        // The gateway gets the hash of the bootstrap key, never the key (`<prefix>:<sha256>`).
        GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: `${secrets.adminKey.slice(4, 12)}:${createHash('sha256').update(secrets.adminKey).digest('hex')}`,
        // The catalogue loads its sample agencies, sectors, procedures and calendars (idempotent).
        CATALOGUE_SEED: 'true',
        // Development: webhooks may go to the mock agency system on 127.0.0.1 (never in production).
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
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
