// `npm start`: install if needed, find or start PostgreSQL and Kafka, build, migrate (each service migrates
// itself at start), run all five apps, load sample data, and shut everything down cleanly on Ctrl-C.
import { execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureInstalled } from './ensure-installed.mjs';
import { seedSampleDossiers } from './sample-dossiers.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
process.chdir(ROOT);
const log = (msg) => console.log(`[hub] ${msg}`);
const APPS = [
  { name: 'catalogue', port: 3001 },
  { name: 'dossier', port: 3002 },
  { name: 'payment', port: 3003 },
  { name: 'rating', port: 3004 },
  { name: 'gateway', port: Number(process.env.GATEWAY_PORT ?? 3000) },
];

function resolveInfrastructure() {
  if (process.env.DATABASE_URL && process.env.KAFKA_BROKERS) {
    log('using DATABASE_URL and KAFKA_BROKERS from the environment');
    return { serverUrl: process.env.DATABASE_URL, brokers: process.env.KAFKA_BROKERS, stop: () => {} };
  }
  const dockerUp = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 }).status === 0;
  if (dockerUp) {
    log('Docker engine found: starting postgres and kafka with docker compose');
    execSync('docker compose up -d --wait postgres kafka', { stdio: 'inherit' });
    return { serverUrl: 'postgres://postgres:postgres@127.0.0.1:5432/postgres', brokers: '127.0.0.1:9092', stop: () => {} };
  }
  const missing = ['java', 'mvn', 'psql'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0) {
    console.error(
      `[hub] cannot start: no DATABASE_URL/KAFKA_BROKERS, no Docker engine, and ${missing.join(', ')} missing for the local path.\n` +
        '      Install them (Debian: apt-get install openjdk-17-jre-headless maven postgresql) or set DATABASE_URL and KAFKA_BROKERS.',
    );
    process.exit(1);
  }
  log('no Docker engine: local PostgreSQL and a local Apache Kafka broker (deploy/local)');
  execFileSync('bash', ['deploy/local/ensure-postgres.sh', ...APPS.map((a) => `hub_${a.name}`)], { stdio: 'inherit' });
  const pidFile = '.local/kafka/kafka-9092.pid';
  const ours = !(existsSync(pidFile) && spawnSync('sh', ['-c', `kill -0 "$(cat ${pidFile})"`]).status === 0);
  execFileSync('bash', ['deploy/local/kafka-start.sh'], { stdio: 'inherit' });
  return {
    serverUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    brokers: '127.0.0.1:9092',
    stop: () => ours && spawnSync('bash', ['deploy/local/kafka-stop.sh'], { stdio: 'inherit' }),
  };
}

/** Development secrets, kept between runs so the printed API keys stay valid. Never used outside `npm start`. */
function devSecrets() {
  const file = '.local/dev-secrets.json';
  mkdirSync('.local', { recursive: true });
  if (existsSync(file)) return { file, ...JSON.parse(readFileSync(file, 'utf8')) };
  const secrets = {
    identitySigningKey: randomBytes(32).toString('hex'),
    adminKey: `hub_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`,
    clients: {},
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { file, ...secrets };
}

function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function waitReady(app, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${app.name} exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${app.port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${app.name} not ready after 120 s`);
}

const SAMPLE_CLIENTS = [
  { clientId: 'sample-operator', name: 'Văn phòng Chính phủ (sample operator)', kind: 'operator', agencyCodes: [], roles: ['catalogue:write', 'hub:admin'] },
  { clientId: 'sample-portal', name: 'Cổng DVCQG (sample portal)', kind: 'portal', agencyCodes: [], roles: ['dossier:submit', 'dossier:read', 'payment:read', 'rating:read'] },
  {
    clientId: 'sample-hanoi-one-stop',
    name: 'Hệ thống một cửa Hà Nội (sample agency system)',
    kind: 'agency-system',
    agencyCodes: ['000.00.00.H31', '000.00.15.H31', '000.00.16.H31'],
    roles: ['dossier:submit', 'dossier:read', 'payment:read', 'rating:read'],
  },
  // Registered without roles: an agency system gets its default roles (sync, notices, reads, feed).
  { clientId: 'sample-hanoi-system', name: 'Hệ thống một cửa Hà Nội, đồng bộ (sample agency system)', kind: 'agency-system', agencyCodes: ['000.00.15.H31', '000.00.16.H31', '101.01.00.H31'] },
];

/** Sample API clients through the gateway's admin endpoint; their keys are shown once, so they are kept. */
async function seedClients(gatewayUrl, secrets) {
  for (const client of SAMPLE_CLIENTS) {
    if (secrets.clients[client.clientId]) continue;
    const res = await fetch(`${gatewayUrl}/v1/admin/api-clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secrets.adminKey },
      body: JSON.stringify(client),
    });
    if (res.status !== 201) throw new Error(`sample client ${client.clientId}: ${res.status} ${await res.text()}`);
    secrets.clients[client.clientId] = (await res.json()).apiKey;
  }
  const { file, ...toSave } = secrets;
  writeFileSync(file, JSON.stringify(toSave, null, 2), { mode: 0o600 });
}

async function main() {
  ensureInstalled();
  const infra = resolveInfrastructure();
  log('building the five apps');
  execSync('npx nx run-many -t build --projects=gateway,catalogue,dossier,payment,rating --outputStyle=static', { stdio: 'inherit' });
  const secrets = devSecrets();
  const url = (port) => `http://127.0.0.1:${port}`;
  const portOf = (name) => APPS.find((a) => a.name === name).port;
  const children = [];
  let stopping = false;

  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log('stopping (SIGTERM to every app, waiting for them to flush and close)');
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    infra.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  for (const app of APPS) {
    const child = spawn(process.execPath, ['--enable-source-maps', `dist/apps/${app.name}/apps/${app.name}/src/main.js`], {
      env: {
        ...process.env,
        PORT: String(app.port),
        DATABASE_URL: databaseUrl(infra.serverUrl, `hub_${app.name}`),
        KAFKA_BROKERS: infra.brokers,
        IDENTITY_SIGNING_KEY: secrets.identitySigningKey,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        CATALOGUE_URL: url(portOf('catalogue')),
        DOSSIER_URL: url(portOf('dossier')),
        PAYMENT_URL: url(portOf('payment')),
        RATING_URL: url(portOf('rating')),
        GATEWAY_BOOTSTRAP_ADMIN_KEY: secrets.adminKey,
        // The catalogue loads its sample agencies, sectors, procedures and calendars (idempotent).
        CATALOGUE_SEED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => process.stdout.write(d.toString().replace(/^(?=.)/gm, `[${app.name}] `)));
    }
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`[hub] ${app.name} exited unexpectedly (code ${code}); stopping the others`);
        void shutdown(1);
      }
    });
    children.push(child);
  }
  await Promise.all(APPS.map((app, i) => waitReady(app, children[i])));
  const gatewayUrl = url(portOf('gateway'));
  await seedClients(gatewayUrl, secrets);
  await seedSampleDossiers(gatewayUrl, secrets.clients['sample-hanoi-system'], SAMPLE_CLIENTS.at(-1).agencyCodes, log).catch((e) => log(`sample dossiers not loaded: ${e.message}`));
  log('');
  log(`The hub is running: ${gatewayUrl}   (Swagger UI: ${gatewayUrl}/docs)`);
  log(`Sample API keys (development only, kept in ${secrets.file}):`);
  for (const [id, key] of Object.entries(secrets.clients)) log(`  ${id.padEnd(22)} ${key}`);
  log(`Try:  curl -s ${gatewayUrl}/v1/procedures?q=giay+phep | head -c 600`);
  log('Ctrl-C stops everything.');
}

main().catch((e) => {
  console.error(`[hub] ${e.message}`);
  process.exit(1);
});
