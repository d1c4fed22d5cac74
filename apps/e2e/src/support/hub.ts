import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { createTestDatabase, testKafkaEnv, uniqueSuffix, type TestDatabase } from '@hub/testing';
import { generateIdentityKeys } from '@hub/platform';
import { captureDir, HubCapture } from './standard-capture';

const ROOT = resolve(__dirname, '../../../..');
const SERVICES = ['catalogue', 'dossier', 'payment', 'rating', 'gateway'] as const;
export type Service = (typeof SERVICES)[number];

export interface HubResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The whole hub as a black box: the five built apps as child processes, each with its own throwaway
 * database and consumer group, on the real broker.
 */
export class Hub {
  readonly adminKey = `hub_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  readonly databases = new Map<Service, TestDatabase>();
  private readonly processes = new Map<Service, ChildProcess>();
  private readonly ports = new Map<Service, number>();
  private readonly logs = new Map<Service, string[]>();
  // What the apps publish, for the data-packet check after the e2e run (only when the run captures).
  private capture?: HubCapture;
  // 90 s by default; E2E_READY_TIMEOUT_MS gives a crowded machine more (five apps start at once).
  private readyTimeoutMs = Number(process.env.E2E_READY_TIMEOUT_MS) || 90_000;

  get url(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  /** A service's own address (its probes are not behind the gateway). */
  serviceUrl(service: Service): string {
    return `http://127.0.0.1:${this.ports.get(service)}`;
  }

  /**
   * @param options.services  a subset to start (default: all five); the others get a port where nothing listens
   * @param options.database  the database of a service (default: a throwaway one, dropped by stop())
   * @param options.readyTimeoutMs  how long each app may take to become ready (default 90 s)
   */
  static async start(
    options: {
      services?: readonly Service[];
      database?: (service: Service) => TestDatabase;
      readyTimeoutMs?: number;
      env?: Partial<Record<Service, Record<string, string>>>;
    } = {},
  ): Promise<Hub> {
    const hub = new Hub();
    hub.readyTimeoutMs = options.readyTimeoutMs ?? hub.readyTimeoutMs;
    try {
      await hub.boot(options.services ?? SERVICES, options.database, options.env);
    } catch (error) {
      // Whatever started (apps, databases) is stopped before the failure is reported.
      await hub.stop();
      throw error;
    }
    return hub;
  }

  private async boot(services: readonly Service[], database?: (service: Service) => TestDatabase, extraEnv: Partial<Record<Service, Record<string, string>>> = {}): Promise<void> {
    const suffix = uniqueSuffix();
    this.capture = HubCapture.begin();
    // Only the gateway holds the private key; the services get the public key.
    const identityKeys = generateIdentityKeys('e2e');
    const lookupKeySecret = randomBytes(32).toString('base64url');
    for (const service of SERVICES) this.ports.set(service, await freePort());
    for (const service of services) this.databases.set(service, database ? database(service) : await createTestDatabase(`e2e_${service}`));
    const serviceUrl = (s: Service) => `http://127.0.0.1:${this.ports.get(s)}`;
    for (const service of services) {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(this.ports.get(service)),
        DATABASE_URL: this.databases.get(service)!.url,
        // Each app as its own broker principal, with its real ACLs (when the broker has per-service principals).
        ...testKafkaEnv(service),
        KAFKA_GROUP_ID: `${service}-e2e-${suffix}`,
        ...(service === 'gateway' ? { IDENTITY_SIGNING_KEY: identityKeys.signingKey } : { IDENTITY_PUBLIC_KEYS: identityKeys.publicKeys }),
        LOOKUP_KEY_SECRET: lookupKeySecret,
        LOG_LEVEL: 'warn',
        // The capture (`standard-capture.ts`) learns from the outboxes which events on the topics are this hub's: keep
        // published rows (marked, not deleted) for the run.
        OUTBOX_RETENTION_HOURS: '1',
        CATALOGUE_URL: serviceUrl('catalogue'),
        DOSSIER_URL: serviceUrl('dossier'),
        PAYMENT_URL: serviceUrl('payment'),
        RATING_URL: serviceUrl('rating'),
        // The gateway gets the hash of the key, never the key (`<prefix>:<sha256>`).
        GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH: `${this.adminKey.slice(4, 12)}:${createHash('sha256').update(this.adminKey).digest('hex')}`,
        ...extraEnv[service],
      };
      const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, `dist/apps/${service}/apps/${service}/src/main.js`)], {
        env,
        // The IPC channel closes if the test process dies, even by SIGKILL: the app then stops itself.
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      const log: string[] = [];
      this.logs.set(service, log);
      child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
      child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
      this.processes.set(service, child);
    }
    await Promise.all(services.map((s) => this.waitReady(s)));
  }

  private async waitReady(service: Service): Promise<void> {
    const deadline = Date.now() + this.readyTimeoutMs;
    const child = this.processes.get(service)!;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}:\n${this.logs.get(service)!.join('')}`);
      const ok = await fetch(`http://127.0.0.1:${this.ports.get(service)}/health/ready`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${service} not ready within ${this.readyTimeoutMs / 1000} s:\n${this.logs.get(service)!.join('').slice(-4000)}`);
  }

  async request<T = any>(method: string, path: string, opts: { apiKey?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<HubResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.apiKey) headers['x-api-key'] = opts.apiKey;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    if (opts.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** Registers an API client through the admin endpoint and returns its key. */
  async registerClient(clientId: string, kind: string, roles: string[], agencyCodes: string[] = []): Promise<string> {
    const res = await this.request('POST', '/v1/admin/api-clients', { apiKey: this.adminKey, body: { clientId, name: clientId, kind, roles, agencyCodes } });
    if (res.status !== 201) throw new Error(`registering ${clientId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.apiKey;
  }

  logOf(service: Service): string {
    return this.logs.get(service)!.join('');
  }

  async stop(): Promise<void> {
    this.capture?.markEnd();
    const stopped = Promise.all(
      [...this.processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    // The capture reads the broker while the apps stop; the databases (their outboxes) go after both.
    await Promise.all([stopped, this.capture?.finish([...this.databases.values()].map((db) => db.url))]);
    await Promise.all([...this.databases.values()].map((db) => db.drop()));
    this.keepLogs();
  }

  /**
   * The apps' output, in `<capture dir>/logs/<suite>-<n>-<service>.log` when the run captures (`npm test`): the
   * directory is removed after a passing run and kept, with its path printed, after a failing one.
   */
  private keepLogs(): void {
    const dir = captureDir();
    if (!dir || this.logs.size === 0) return;
    const logs = join(dir, 'logs');
    mkdirSync(logs, { recursive: true });
    const suite = basename(expect.getState().testPath ?? 'hub', '.e2e-spec.ts');
    const prefix = `${suite}-${Date.now()}`;
    for (const [service, lines] of this.logs) writeFileSync(join(logs, `${prefix}-${service}.log`), lines.join(''));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
