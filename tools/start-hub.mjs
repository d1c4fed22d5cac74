// `npm start`: install if needed, find or start PostgreSQL and Kafka, build, run all five apps (each migrates
// itself at start), load sample data, and stop everything cleanly on Ctrl-C. Whatever fails on the way stops
// everything this run started (apps, and the broker or containers if it started them), says what failed and
// how to fix it, and exits non-zero. Settings (ports, a second instance): tools/hub/settings.mjs.
import { ensureInstalled } from './ensure-installed.mjs';
import { Cleanup } from './lib/cleanup.mjs';
import { startApps } from './hub/apps.mjs';
import { loadDevSecrets } from './hub/dev-secrets.mjs';
import { sandboxPort, startPaymentSandbox } from './hub/payment-sandbox.mjs';
import { resolveInfrastructure } from './hub/infrastructure.mjs';
import { claimHub } from './hub/preflight.mjs';
import { run } from './hub/run.mjs';
import { sampleClients, syncSampleClients } from './hub/sample-clients.mjs';
import { hubSettings } from './hub/settings.mjs';
import { seedSampleDossiers } from './sample-dossiers.mjs';
import { connectMockAgencySystem } from './mock-agency-system/connect.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
process.chdir(ROOT);
const log = (msg) => console.log(`[hub] ${msg}`);
const cleanup = new Cleanup(log);
const startedAt = Date.now();
const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
let phase = 'starting'; // → running → stopping

/** A step that failed: what was being done, and what the user can do about it. */
class StepFailed extends Error {
  constructor(what, cause, fix) {
    super(`${what}: ${cause.message}`);
    this.fix = fix;
  }
}

/** The sample agency system that syncs the sample dossiers (registered from tools/hub/sample-clients.json). */
const SAMPLE_DOSSIER_SYSTEM = sampleClients().find((c) => c.clientId === 'sample-hanoi-system');

async function step(what, fix, fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StepFailed || phase === 'stopping') throw e;
    throw new StepFailed(what, e, typeof fix === 'function' ? fix(e) : fix);
  }
}

/** Stops everything this run started, in reverse order, then exits. */
async function stop(code, reason) {
  if (phase === 'stopping') return;
  phase = 'stopping';
  log(reason);
  await cleanup.runAll();
  log(code === 0 ? 'stopped' : `stopped everything npm start had started; exit code ${code}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void stop(phase === 'running' ? 0 : 130, `${signal}: stopping (every app flushes and closes${phase === 'running' ? '' : '; start-up interrupted'})`));
}

/** Everything before the apps: settings, the lock, dependencies, infrastructure, the build, the secrets. */
async function prepare() {
  const settings = await step('reading the settings', 'fix or unset the variable named above', () => hubSettings());
  const claim = await step('checking that no hub runs here', 'make .local/ writable', () => claimHub(settings));
  if (claim.busy) {
    console.error(`[hub] ${claim.busy}`);
    process.exit(1);
  }
  cleanup.defer('release the lock', () => claim.release());

  await step('installing dependencies (npm ci)', 'run `npm ci` to see the whole error; it needs the npm registry and Node 20.18+', () => ensureInstalled());
  const infra = await step(
    'finding or starting PostgreSQL and Kafka',
    'set DATABASE_URL and KAFKA_BROKERS, or start a Docker engine, or install Java 17, Maven and PostgreSQL (Debian: apt-get install openjdk-17-jre-headless maven postgresql); see README "Where PostgreSQL and Kafka come from"',
    () => resolveInfrastructure({ root: ROOT, settings, cleanup, log }),
  );
  log('building the five apps');
  const buildStart = Date.now();
  await step('building the apps', 'fix the compile errors above (`npx nx run <app>:build` builds one app)', () =>
    run(cleanup, 'npx', ['nx', 'run-many', '-t', 'build', '--projects=gateway,catalogue,dossier,payment,rating', '--outputStyle=static']),
  );
  log(`built in ${since(buildStart)}`);
  const secrets = await step('reading the development secrets', (e) => e.message, () => loadDevSecrets(settings.secretsFile));
  return { settings, infra, secrets };
}

async function main() {
  const { settings, infra, secrets } = await prepare();
  const appsStart = Date.now();
  const startupFix = (app) =>
    `read the lines above prefixed [${app}]; a port in use: HUB_PORT_BASE=<free port>; a database or broker error: check ${infra.how === 'env' ? 'DATABASE_URL and KAFKA_BROKERS' : 'PostgreSQL and Kafka'}`;
  const apps = startApps({
    settings,
    infra,
    secrets,
    cleanup,
    onExit: (app, what) => {
      if (phase === 'stopping') return;
      const [doing, fix] = phase === 'running' ? ['running the hub', `read the lines above prefixed [${app}], fix the cause and run npm start again`] : ['starting the apps', startupFix(app)];
      void fail(new StepFailed(doing, new Error(`${app} ${what}`), fix));
    },
  });
  startPaymentSandbox({ settings, secrets, cleanup, onExit: (app, what) => phase !== 'stopping' && void fail(new StepFailed('running the payment sandbox', new Error(`${app} ${what}`), 'read the lines prefixed [payment-sandbox]')) });
  await step('waiting for the apps to be ready', startupFix('<app>'), () => apps.waitReady());
  log(`apps ready ${since(appsStart)} after their start`);

  const gatewayUrl = `http://127.0.0.1:${settings.ports.gateway}`;
  const report = await step(
    'loading the sample API clients',
    `check tools/hub/sample-clients.json (roles must be ones the gateway knows); the keys issued so far are in ${settings.secretsFile}`,
    () => syncSampleClients(gatewayUrl, secrets, log),
  );
  log(`sample clients: ${report.map((r) => `${r.clientId} ${r.action}`).join(', ')}`);
  // Sample dossiers are a convenience: a failure is reported, not fatal (the hub itself runs).
  const system = SAMPLE_DOSSIER_SYSTEM;
  // The sample portal pays some sample fees at the payment sandbox, as a citizen would.
  const payment = { portalKey: secrets.clients['sample-portal'], sandboxUrl: `http://127.0.0.1:${sandboxPort(settings)}`, provider: secrets.paymentPlatform?.provider ?? 'sandbox' };
  await seedSampleDossiers(gatewayUrl, secrets.clients[system.clientId], system.agencyCodes, log, { payment }).catch((e) => log(`sample dossiers not loaded: ${e.message}`));
  // The mock agency system receives the sample system's webhooks (a convenience too: reported, not fatal).
  await connectMockAgencySystem({ gatewayUrl, port: settings.mockAgencySystemPort, secrets, system, log, cleanup }).catch((e) =>
    log(`mock agency system not started: ${e.message} (HUB_PORT_BASE=<free port> moves it with the hub)`),
  );
  phase = 'running';
  log(`started in ${since(startedAt)}`);
  log('');
  log(`The hub is running: ${gatewayUrl}   (Swagger UI: ${gatewayUrl}/docs)`);
  log(`Sample API keys (development only, kept in ${settings.secretsFile}):`);
  for (const [id, key] of Object.entries(secrets.clients)) log(`  ${id.padEnd(22)} ${key}`);
  log(`Try:  curl -s ${gatewayUrl}/v1/procedures?q=giay+phep | head -c 600`);
  log('Ctrl-C stops everything.');
}

async function fail(e) {
  if (phase === 'stopping') return;
  console.error(`[hub] FAILED ${e instanceof StepFailed ? 'while ' : ''}${e.message}`);
  if (e.fix) console.error(`[hub] How to fix: ${e.fix}`);
  await stop(1, 'stopping everything npm start started');
}

main().catch(fail);
