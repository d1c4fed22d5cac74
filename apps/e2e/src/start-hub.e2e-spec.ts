import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '@hub/persistence';
import { databaseUrl, expectEventually, testInfrastructure, uniqueSuffix } from '@hub/testing';
import { Hub } from './support/hub';
import { freePortBase, freshClone, portFree, processesUnder, REPO_ROOT, StartRun } from './support/start-script';

/**
 * `npm start` as a new user runs it: in fresh clones, on databases that already hold the sample clients, and
 * with a failure on purpose. Each run uses free ports and its own instance (databases hub_<instance>_<app>,
 * consumer groups <app>-<instance>) on the local PostgreSQL server, so a developer's hub is untouched. Like a new
 * user's, the runs take the local path (no DATABASE_URL/KAFKA_BROKERS): each clone fetches and starts its own Kafka
 * broker (on free ports, data in the clone's `.local/`) and must stop it again. A broker of its own also means the
 * hub's fresh consumer groups do not replay the events every earlier test left on the shared test broker.
 */
describe('npm start (tools/start-hub.mjs)', () => {
  const APPS = ['gateway', 'catalogue', 'dossier', 'payment', 'rating'];
  const instance = `st${uniqueSuffix()}`;
  const tmp = mkdtempSync(join(tmpdir(), 'hub-start-'));
  const runs: StartRun[] = [];
  let portBase: number;
  let kafkaPort: number;

  const start = (dir: string): StartRun => {
    const { DATABASE_URL: _database, KAFKA_BROKERS: _brokers, ...env } = process.env;
    const run = new StartRun(dir, {
      ...env,
      KAFKA_PORT: String(kafkaPort),
      KAFKA_CONTROLLER_PORT: String(kafkaPort + 1),
      HUB_PORT_BASE: String(portBase),
      HUB_INSTANCE: instance,
      LOG_LEVEL: 'warn',
      NX_DAEMON: 'false',
      NX_TUI: 'false',
      NX_CACHE_DIRECTORY: join(REPO_ROOT, '.nx/cache'),
    });
    runs.push(run);
    return run;
  };
  const ports = () => APPS.map((_, i) => portBase + i);
  /** The apps' ports and the broker's two: nothing of a stopped hub may hold them. */
  const portsFree = async () => (await Promise.all([...ports(), kafkaPort, kafkaPort + 1].map(portFree))).every(Boolean);
  const RUNNING = /The hub is running: (http:\/\/127\.0\.0\.1:\d+)/;
  // Each clone builds the five apps itself (Nx does not share a build cache between checkouts): about 2 min on 2 quiet cores.
  const STARTUP_MS = 480_000;

  beforeAll(async () => {
    portBase = await freePortBase();
    do kafkaPort = await freePortBase();
    while (Math.abs(kafkaPort - portBase) < 8);
    // The start script's local path uses the PostgreSQL server at 127.0.0.1:5432: so must this test's seeding.
    expect(new URL(testInfrastructure().postgresUrl).host).toBe('127.0.0.1:5432');
  });

  // A failed test must not leave its hub holding the ports the next test starts on.
  afterEach(async () => {
    for (const run of runs.splice(0)) {
      run.killAll();
      // The broker runs detached from the script's process group: a killed script cannot stop it, the test does.
      spawnSync('bash', ['deploy/local/kafka-stop.sh'], { cwd: run.dir, env: { ...process.env, KAFKA_PORT: String(kafkaPort) }, stdio: 'ignore' });
    }
    await expectEventually(async () => expect(await portsFree()).toBe(true), { timeoutMs: 30_000, intervalMs: 250 });
  });

  afterAll(async () => {
    for (const run of runs) run.killAll();
    const { postgresUrl } = testInfrastructure();
    await Promise.all(APPS.map((app) => dropDatabase(databaseUrl(postgresUrl, `hub_${instance}_${app}`)).catch(() => undefined)));
    rmSync(tmp, { recursive: true, force: true });
  });

  /** As another clone's `npm start` left them: the sample clients exist in this instance's gateway database. */
  async function preseedSampleClients(): Promise<Record<string, string>> {
    const { postgresUrl } = testInfrastructure();
    const gateway = await Hub.start({
      services: ['gateway'],
      database: (app) => ({ url: databaseUrl(postgresUrl, `hub_${instance}_${app}`), drop: async () => undefined }),
    });
    try {
      const samples: { clientId: string; kind: string; roles: string[]; agencyCodes: string[] }[] = JSON.parse(readFileSync(join(REPO_ROOT, 'tools/hub/sample-clients.json'), 'utf8'));
      const keys: Record<string, string> = {};
      // Roles from an older version of the code: the start must bring them up to date.
      for (const { clientId, kind, agencyCodes } of samples) keys[clientId] = await gateway.registerClient(clientId, kind, ['rating:read'], agencyCodes);
      return keys;
    } finally {
      await gateway.stop();
    }
  }

  it('runs in a fresh clone whose sample clients already exist: new keys, current roles; Ctrl-C leaves nothing running', async () => {
    const oldKeys = await preseedSampleClients();
    const sampleIds: string[] = JSON.parse(readFileSync(join(REPO_ROOT, 'tools/hub/sample-clients.json'), 'utf8')).map((c: { clientId: string }) => c.clientId);

    const fresh = start(freshClone(join(tmp, 'fresh')));
    const [, gatewayUrl] = await fresh.waitFor(RUNNING, STARTUP_MS);
    expect(fresh.hubLines()).toContain(`sample clients: ${sampleIds.map((id) => `${id} new key`).join(', ')}`);
    // The mock agency system runs beside the hub as the sample agency system's webhook receiver.
    expect(fresh.hubLines()).toMatch(/mock agency system at http:\/\/127\.0\.0\.1:\d+\/webhooks: the webhook of sample-hanoi-system/);
    // The sample portal paid sample fees at the sandbox, and no payment was refused.
    const payments = fresh.hubLines().split('\n').find((l) => l.includes('sample online payments: '));
    expect(payments).toMatch(/"paid":\d+/);
    expect(payments).not.toMatch(/payment \d{3}|sandbox \d{3}|failed/);
    const keys = fresh.printedKeys();
    expect(Object.keys(keys).sort()).toEqual([...sampleIds].sort());
    expect(JSON.parse(readFileSync(join(fresh.dir, `.local/dev-secrets-${instance}.json`), 'utf8')).clients).toEqual(keys);

    // The README's first dossier, with the printed portal key. The sample catalogue reaches the dossier service over
    // Kafka, a few seconds after the start.
    const dossier = await expectEventually(async () => {
      const res = await fetch(`${gatewayUrl}/v1/dossiers`, {
        method: 'POST',
        headers: { 'x-api-key': keys['sample-portal'], 'content-type': 'application/json' },
        body: JSON.stringify({ procedureCode: '2.009013', receivingAgencyCode: '000.00.16.H31', applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234' } }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { code: string };
    }, { timeoutMs: 120_000, intervalMs: 1000 });
    expect(dossier.code).toMatch(/^000\.00\.16\.H31-\d{6}-\d{4}$/);
    // Each service connects as its own role, which owns its database (the gateway's, created by another clone as the
    // server user, was handed over) and is the only login allowed into it besides superusers.
    const pg = new Client({ connectionString: testInfrastructure().postgresUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query(
        `SELECT d.datname::text AS database, pg_get_userbyid(d.datdba)::text AS owner,
                array(SELECT DISTINCT usename::text FROM pg_stat_activity a WHERE a.datname = d.datname AND a.backend_type = 'client backend' ORDER BY 1) AS users,
                has_database_privilege('hub_catalogue', d.datname, 'CONNECT') AS catalogue_may_connect
           FROM pg_database d WHERE d.datname LIKE $1 ORDER BY 1`,
        [`hub\\_${instance}\\_%`],
      );
      // Idle pools may have closed their connections: whoever is connected is the owner.
      expect(rows.map((r) => ({ ...r, users: r.users.filter((u: string) => u !== r.owner) }))).toEqual(
        [...APPS].sort().map((app) => ({ database: `hub_${instance}_${app}`, owner: `hub_${app}`, users: [], catalogue_may_connect: app === 'catalogue' })),
      );
      expect(rows.some((r) => r.users.length > 0)).toBe(true);
    } finally {
      await pg.end();
    }

    // The key the other clone had was replaced: it no longer opens anything.
    const stale = await fetch(`${gatewayUrl}/v1/dossiers/${dossier.code}`, { headers: { 'x-api-key': oldKeys['sample-portal'] } });
    expect(stale.status).toBe(401);

    // A second `npm start` while this one runs: one line naming the holder, non-zero exit, nothing started.
    const second = start(freshClone(join(tmp, 'second')));
    expect(await second.exited).toBe(1);
    expect(second.hubLines()).toMatch(new RegExp(`^\\[hub\\] cannot start: ports ${ports().join(', ')} are held by the hub that npm start runs as pid \\d+ .*${fresh.dir}`));
    expect(second.hubLines().split('\n')).toHaveLength(1);

    fresh.signal('SIGINT');
    expect(await fresh.exited).toBe(0);
    expect(await portsFree()).toBe(true);
    expect(processesUnder(tmp)).toEqual([]);
  }, 900_000);

  it('stops everything it started and exits non-zero when loading the sample clients fails', async () => {
    const dir = freshClone(join(tmp, 'broken'));
    // A role the gateway does not know: the admin API refuses the sample client.
    const samplesFile = join(dir, 'tools/hub/sample-clients.json');
    const samples = JSON.parse(readFileSync(samplesFile, 'utf8'));
    samples.find((c: { clientId: string }) => c.clientId === 'sample-portal').roles.push('dossier:delete-everything');
    writeFileSync(samplesFile, JSON.stringify(samples));

    const run = start(dir);
    expect(await run.exited).toBe(1);
    expect(run.hubLines()).toContain('[hub] FAILED while loading the sample API clients: sample client sample-portal: updating its name, agencies and roles answered 400');
    expect(run.hubLines()).toContain('[hub] How to fix: check tools/hub/sample-clients.json');
    expect(await portsFree()).toBe(true);
    expect(processesUnder(dir)).toEqual([]);
  }, 600_000);
});
