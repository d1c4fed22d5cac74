// The hub as black-box child processes, like apps/e2e/src/support/hub.ts: the built apps on free ports,
// each with a fresh throwaway database (hub_bench_<app>_<random>) and its own Kafka consumer group.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stopChild } from '../../lib/cleanup.mjs';
import { generateIdentityKeys, identityEnvOf } from '../../hub/identity-keys.mjs';
import { APPS, distDirOf, ensureBuilt, entryOf, nodeFlagsOf } from './build.mjs';
import { waitForConsumersCaughtUp } from './consumer-lag.mjs';
import { benchDatabaseName, dropDatabase } from './db.mjs';
import { databaseUrl, kafkaSaslOf } from './infra.mjs';
import { cpuSeconds, freePort, randomSuffix, ROOT, sleep } from './util.mjs';

const require = createRequire(import.meta.url);
const READY_TIMEOUT_MS = 120_000;
/** The apps that consume events (catalogue only produces; the gateway is not on the broker). */
const CONSUMING_APPS = ['dossier', 'payment', 'rating'];
const STOP_TIMEOUT_MS = 15_000;
const LOG_KEEP_CHARS = 200_000;
// Preloaded so decorator metadata exists before any config class is evaluated. Without it the built
// dossier, payment and rating (whose main.js loads @hub/platform's config classes before anything that
// imports reflect-metadata) reject every PORT with "must be an integer port": class-transformer's implicit
// conversion needs design:type metadata. Every app loads reflect-metadata anyway, so this changes nothing else.
const NODE_ARGS = ['--require', 'reflect-metadata'];

/**
 * @param {object} env  { pgUrl, kafkaBrokers, log, cleanup, notes }
 * @param {object} [opts]
 * @param {string[]} [opts.apps]  subset of catalogue, dossier, payment, rating, gateway (default: all five)
 * @param {string} [opts.logLevel]  LOG_LEVEL of the apps (default `warn`: no per-request access log)
 * @param {Record<string, Record<string, string>>} [opts.env]  extra environment per app
 * @param {Record<string, string[]>} [opts.nodeArgs]  extra node flags per app, e.g. { gateway: ['--cpu-prof'] }
 * @param {Record<string, string>} [opts.entries]  built entry point per app, instead of this checkout's (another
 *   revision's build: lib/base-build.mjs); an app given here is not built
 */
export async function startHub(env, opts = {}) {
  const apps = opts.apps ?? APPS;
  const unknown = apps.filter((a) => !APPS.includes(a));
  if (unknown.length > 0) throw new Error(`startHub: unknown app(s) ${unknown.join(', ')}; known: ${APPS.join(', ')}`);
  const { log, cleanup } = env;

  const own = apps.filter((a) => !opts.entries?.[a]); // the others run another build, made by the caller
  const built = ensureBuilt(own, log);
  const missing = own.filter((a) => !built[a].ok);
  if (missing.length > 0) throw new Error(`cannot start ${missing.join(', ')}: no build (${missing.map((a) => built[a].error).join('; ')})`);
  for (const app of own.filter((a) => built[a].stale)) env.notes.push(`${app} ran from an older build: ${built[app].error}`);

  const suffix = randomSuffix();
  const identityKeys = generateIdentityKeys('bench');
  const kafkaEnvOf = (app) => {
    const sasl = kafkaSaslOf(app);
    return sasl ? { KAFKA_USERNAME: sasl.username, KAFKA_PASSWORD: sasl.password, KAFKA_SASL_MECHANISM: sasl.mechanism } : {};
  };
  const signingKey = identityKeys.signingKey;
  const lookupKeySecret = randomBytes(32).toString('base64url');
  const adminKey = `hub_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  // Every app gets a port, started or not, so the gateway's upstream URLs are always valid (an app that is
  // not started answers nothing: a request routed to it gets the gateway's 502).
  const ports = Object.fromEntries(await Promise.all(APPS.map(async (a) => [a, await freePort()])));
  const urls = Object.fromEntries(APPS.map((a) => [a, `http://127.0.0.1:${ports[a]}`]));
  const databases = Object.fromEntries(apps.map((a) => [a, benchDatabaseName(a)]));
  // The group each consuming app joins: the harness's, or the one a scenario gave it (index-update starts it at the end of its topics).
  const groupIdOf = (app) => opts.env?.[app]?.KAFKA_GROUP_ID ?? `${app}-bench-${suffix}`;
  const processes = new Map();
  const logs = new Map();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all([...processes.values()].map((child) => stopChild(child, STOP_TIMEOUT_MS)));
    // Each service created its own database at start-up (ensureDatabase); drop them all.
    await Promise.all(Object.values(databases).map((name) => dropDatabase(env.pgUrl, name).catch((e) => log(`dropping ${name}: ${e.message}`))));
  };
  const release = cleanup.defer(`stop hub ${suffix} (${apps.join(', ')})`, stop);

  const t0 = Date.now();
  log(`starting ${apps.join(', ')} (databases hub_bench_<app>_*, consumer groups ${apps.filter((a) => CONSUMING_APPS.includes(a)).map(groupIdOf).join(', ') || 'none'})`);
  for (const app of apps) {
    const childEnv = {
      ...process.env,
      PORT: String(ports[app]),
      DATABASE_URL: databaseUrl(env.pgUrl, databases[app]),
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_GROUP_ID: groupIdOf(app),
      ...identityEnvOf(app, identityKeys),
      ...kafkaEnvOf(app),
      LOOKUP_KEY_SECRET: lookupKeySecret,
      LOG_LEVEL: opts.logLevel ?? 'warn',
      CATALOGUE_URL: urls.catalogue,
      DOSSIER_URL: urls.dossier,
      PAYMENT_URL: urls.payment,
      RATING_URL: urls.rating,
      GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: `${adminKey.slice(4, 12)}:${createHash('sha256').update(adminKey).digest('hex')}`,
      ...(opts.env?.[app] ?? {}),
    };
    const child = spawn(process.execPath, [...NODE_ARGS, ...nodeFlagsOf(app), ...(opts.nodeArgs?.[app] ?? []), opts.entries?.[app] ?? entryOf(app)], {
      cwd: ROOT,
      env: childEnv,
      // The IPC channel closes if the harness dies, even by SIGKILL: the app then stops itself (startServiceApp).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const chunks = { text: '' };
    const keep = (d) => {
      chunks.text += d.toString();
      if (chunks.text.length > LOG_KEEP_CHARS) chunks.text = chunks.text.slice(-LOG_KEEP_CHARS / 2);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    logs.set(app, chunks);
    processes.set(app, child);
  }

  const waitReady = async (app) => {
    const child = processes.get(app);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode}:\n${logs.get(app).text.slice(-4000)}`);
      const ok = await fetch(`${urls[app]}/health/ready`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
      if (ok) return;
      await sleep(250);
    }
    throw new Error(`${app} not ready within ${READY_TIMEOUT_MS / 1000} s:\n${logs.get(app).text.slice(-4000)}`);
  };
  try {
    await Promise.all(apps.map(waitReady));
  } catch (e) {
    await release();
    throw e;
  }
  log(`hub ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${apps.map((a) => `${a} ${urls[a]}`).join(', ')}`);
  // Consumers first (a fresh group replays what earlier runs left on the broker), then idle CPU.
  const consuming = apps.filter((a) => CONSUMING_APPS.includes(a));
  const waited = await waitForConsumersCaughtUp(env.kafkaBrokers, consuming.map(groupIdOf), log, { warn: env.warn });
  if (waited > 5) log(`consumer groups caught up after ${waited.toFixed(1)} s`);
  await settle(apps.map((a) => [a, processes.get(a).pid]), log, { warn: env.warn });

  // The services' own signing code, compiled: the bench signs exactly as the gateway does.
  const platformDist = join(distDirOf(apps.find((a) => a !== 'gateway') ?? 'gateway'), 'libs/platform/src/identity');
  const { signIdentity } = require(join(platformDist, 'identity-token.js'));
  const gatewayKey = require(join(platformDist, 'identity-keys.js')).parseIdentitySigningKey(signingKey);

  const request = async (method, path, { apiKey, body, headers = {}, app = 'gateway' } = {}) => {
    const h = { ...headers };
    if (apiKey) h['x-api-key'] = apiKey;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${urls[app]}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  return {
    apps,
    /** The gateway's base URL (undefined if the gateway was not started). */
    url: apps.includes('gateway') ? urls.gateway : undefined,
    /** Base URL of every app (also of those not started: nothing listens there). */
    urls,
    /** Database URL of every started app (fresh, migrated by the app at start-up; dropped by stop()). */
    databases: Object.fromEntries(apps.map((a) => [a, databaseUrl(env.pgUrl, databases[a])])),
    adminKey,
    signingKey,
    suffix,
    request,
    /** Registers an API client through the gateway's admin endpoint; returns its API key. */
    async registerClient({ clientId, kind = 'portal', roles, agencyCodes = [] }) {
      if (!apps.includes('gateway')) throw new Error('registerClient needs the gateway (startHub({ apps: [..., "gateway"] }))');
      const res = await request('POST', '/v1/admin/api-clients', { apiKey: adminKey, body: { clientId, name: clientId, kind, roles, agencyCodes } });
      if (res.status !== 201) throw new Error(`registering ${clientId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.apiKey;
    },
    /**
     * A fresh `x-hub-identity` value for calling `app` directly with `method` and `path` (query included): valid
     * once, for a few seconds, as the gateway signs it.
     */
    identityHeader(identity, { app, method, path }) {
      return signIdentity({ agencyCodes: [], roles: [], kind: 'portal', ...identity }, gatewayKey, { audience: app, method, path });
    },
    /** Pid of an app's process (to sample its CPU time, for instance). */
    pidOf: (app) => processes.get(app)?.pid,
    /** What an app printed so far (the last ~200 kB). */
    logOf: (app) => logs.get(app)?.text ?? '',
    /** Stops the apps (SIGTERM, then SIGKILL after 15 s) and drops their databases. Idempotent. */
    stop: release,
  };
}

/**
 * Waits until the apps are idle: a fresh consumer group reads its topics from the beginning, so right
 * after start-up a service may spend seconds applying every event earlier runs left on the broker, and
 * would steal CPU from the first measurement. Idle = each app used < 5 % of a core over two consecutive
 * 500 ms windows. Bounded (60 s); on timeout the run goes on with a warning in the report.
 */
async function settle(pids, log, { windowMs = 500, maxCpuShare = 0.05, timeoutMs = 60_000, warn = log } = {}) {
  const t0 = Date.now();
  let quietWindows = 0;
  let last = pids.map(([, pid]) => cpuSeconds(pid));
  if (last.some((x) => x === undefined)) return; // no /proc: nothing to watch
  while (Date.now() - t0 < timeoutMs) {
    await sleep(windowMs);
    const now = pids.map(([, pid]) => cpuSeconds(pid));
    const busy = pids.filter((_, i) => (now[i] ?? 0) - (last[i] ?? 0) > (maxCpuShare * windowMs) / 1000).map(([app]) => app);
    last = now;
    quietWindows = busy.length === 0 ? quietWindows + 1 : 0;
    if (quietWindows >= 2) {
      log(`apps idle after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return;
    }
  }
  warn(`apps still busy after ${timeoutMs / 1000} s (catching up on old events?); measured anyway`);
}
