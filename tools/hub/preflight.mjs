// Before `npm start` starts anything: is a hub already running here, or is something else on its ports?
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { portFree, portHolder, processInfo } from '../lib/ports.mjs';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the checkout's lock for this instance, or explains in one line who holds it or the ports.
 * @returns {Promise<{ release(): void } | { busy: string }>}
 */
export async function claimHub(settings) {
  if (existsSync(settings.lockFile)) {
    const pid = Number(readFileSync(settings.lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      return { busy: `npm start is already running in this checkout (pid ${pid}, ${settings.lockFile}); stop it with Ctrl-C in its terminal or kill ${pid}` };
    }
  }
  const taken = [];
  for (const [app, port] of Object.entries(settings.ports)) {
    if (!(await portFree(port))) taken.push({ app, port, holder: portHolder(port) });
  }
  if (taken.length > 0) return { busy: describeTaken(taken) };
  mkdirSync(dirname(settings.lockFile), { recursive: true });
  writeFileSync(settings.lockFile, `${process.pid}\n`);
  return {
    release: () => {
      if (existsSync(settings.lockFile) && readFileSync(settings.lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(settings.lockFile);
    },
  };
}

const where = (p) => `pid ${p.pid} \`${p.command}\`${p.cwd ? ` in ${p.cwd}` : ''}`;
const HINT = 'or run this hub beside it with HUB_PORT_BASE=<free port> HUB_INSTANCE=<name>';

function describeTaken(taken) {
  const list = taken.map((t) => t.port).join(', ');
  // The usual case: the apps of a hub that another `npm start` (another checkout, perhaps) runs.
  const parents = new Set(taken.map((t) => t.holder?.ppid));
  const parent = parents.size === 1 && taken[0].holder?.ppid ? processInfo(taken[0].holder.ppid) : undefined;
  if (parent?.command.includes('start-hub')) {
    return `cannot start: ports ${list} are held by the hub that npm start runs as ${where(parent)}; stop it (Ctrl-C in its terminal, or kill ${parent.pid}), ${HINT}`;
  }
  const pids = [...new Set(taken.map((t) => t.holder?.pid).filter(Boolean))];
  const ports = taken.map(({ app, port, holder }) => `${port} (${app}) by ${holder ? where(holder) : 'a process this user cannot see'}`).join(', ');
  const stop = pids.length > 0 ? `stop it (kill ${pids.join(' ')})` : 'stop it (ss -ltnp shows which process)';
  return `cannot start: port ${ports}; ${stop}, ${HINT}`;
}
