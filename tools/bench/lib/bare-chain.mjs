// The floor of the hub's architecture for one write: the request crosses two bare Node HTTP processes, a proxy (where
// the gateway sits) and a service (where the dossier service sits), and the service commits the body as one jsonb row
// with `BEGIN; INSERT; COMMIT`. No auth, validation, numbering, outbox, events or logging: what the two hops and the
// commit cost on this machine, so a scenario can show how much of a target the process layout itself leaves. A sync
// batch (`{ "dossiers": [...] }`) is one multi-row upsert instead, as the dossier-sync baseline does it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { RAW_INTAKE_TABLE } from './intake-requests.mjs';
import { RAW_SYNC_TABLE } from './sync-records.mjs';
import { withTimeout } from './util.mjs';

const PROC = fileURLToPath(new URL('./bare-chain-proc.mjs', import.meta.url));

/** Starts the chain on a database of its own; returns `{ url, pids: { proxy, service } }` (url: the proxy's). */
export async function startBareChain(ctx, { database, poolMax }) {
  const db = await ctx.createDatabase(database);
  await ctx.withPg(db.url, (c) => c.query(`${RAW_INTAKE_TABLE}; ${RAW_SYNC_TABLE}`));
  const service = await startProc(ctx, 'service', { DATABASE_URL: db.url, POOL_MAX: String(poolMax) });
  const proxy = await startProc(ctx, 'proxy', { TARGET_URL: service.url, POOL_MAX: String(poolMax) });
  return { url: proxy.url, pids: { proxy: proxy.pid, service: service.pid } };
}

async function startProc(ctx, role, env) {
  const child = spawn(process.execPath, [PROC, role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  ctx.defer(`stop the bare ${role}`, () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  }));
  const lines = createInterface({ input: child.stdout });
  const port = await withTimeout(
    new Promise((resolve, reject) => {
      lines.on('line', (l) => l.startsWith('listening ') && resolve(Number(l.slice(10))));
      child.once('exit', (code) => reject(new Error(`bare ${role} exited with ${code}`)));
    }),
    15_000,
    `bare ${role} did not start`,
  );
  return { url: `http://127.0.0.1:${port}`, pid: child.pid };
}
