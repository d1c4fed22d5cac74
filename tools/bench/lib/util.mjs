// Small shared helpers for the benchmark harness (no dependencies beyond Node).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { Cleanup } from '../../lib/cleanup.mjs';
export { freePort } from '../../lib/ports.mjs';

/** Repository root (tools/bench/lib → ../../..). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The whole body of a request or response stream, as one Buffer. */
export function readBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Lower-case hex suffix for database names, topics and consumer groups. */
export const randomSuffix = (bytes = 4) => randomBytes(bytes).toString('hex');

/** A prefixed logger: `[bench] msg`, or `[bench:gateway-hop] msg`. */
export function createLog(scope) {
  const prefix = scope ? `[bench:${scope}]` : '[bench]';
  return (...parts) => console.log(prefix, ...parts);
}

/** Runs `fn` with a deadline; rejects with `message` if it does not settle in time. */
export async function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms} ms)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** utime, stime, cutime, cstime of a process (clock ticks), and its parent pid; undefined if it is gone. */
function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // proc(5): f[1] = ppid (field 4); f[11..14] = utime, stime, cutime, cstime (fields 14–17).
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]) };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by a process and all its descendants, reaped or alive (PostgreSQL: the postmaster and its
 * backends, which come and go): the root's own time and its reaped children's, plus every live descendant's own.
 */
export function treeCpuSeconds(rootPid) {
  const root = statOf(rootPid);
  if (!root) return undefined;
  const all = new Map();
  for (const d of readdirSync('/proc')) if (/^\d+$/.test(d)) {
    const s = statOf(Number(d));
    if (s) all.set(Number(d), s);
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let ticks = root.ticks + root.childTicks;
  for (const [pid, s] of all) if (pid !== rootPid && inTree(pid)) ticks += s.ticks;
  return ticks / 100;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function cpuSeconds(pid) {
  return processCounters(pid)?.cpuSec;
}

/**
 * What a process has used so far, from /proc (Linux; undefined elsewhere): CPU seconds (user + system), of which in
 * the kernel, and minor page faults (first touches of memory: on these VMs each costs ~10 µs of kernel time,
 * `docs/performance.md`).
 */
export function processCounters(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[7] = minflt, fields[11] = utime, fields[12] = stime (fields 10, 14 and 15 of proc(5)); times in clock
    // ticks (USER_HZ = 100 on Linux).
    return { cpuSec: (Number(fields[11]) + Number(fields[12])) / 100, sysSec: Number(fields[12]) / 100, minorFaults: Number(fields[7]) };
  } catch {
    return undefined;
  }
}

/**
 * `startHub` options with the profilers asked for added to the apps named in `BENCH_PROF_APPS` (or its older name
 * `BENCH_CPU_PROF_APPS`; by default `defaultApps`); `opts` unchanged when neither is asked for:
 * - `BENCH_CPU_PROF=<dir>`: a V8 CPU profile of each app into `<dir>/<app>/`;
 * - `BENCH_HEAP_PROF=<dir>`: a sampling heap profile of each app's allocations, freed objects included, into
 *   `<dir>/<app>/<pid>.heapprofile` (`lib/heap-sampling-preload.cjs`, told its directory by the app's environment).
 * `node tools/bench/profile-top.mjs <file>` lists the top functions of either kind. `ctx.startHub(withProfilers({ apps, env }))`.
 */
export function withProfilers(opts, defaultApps = 'dossier') {
  const cpuDir = process.env.BENCH_CPU_PROF;
  const heapDir = process.env.BENCH_HEAP_PROF;
  if (!cpuDir && !heapDir) return opts;
  const names = process.env.BENCH_PROF_APPS ?? process.env.BENCH_CPU_PROF_APPS ?? defaultApps;
  const preload = fileURLToPath(new URL('./heap-sampling-preload.cjs', import.meta.url));
  const nodeArgs = { ...(opts.nodeArgs ?? {}) };
  const env = { ...(opts.env ?? {}) };
  for (const app of names.split(',').map((a) => a.trim()).filter(Boolean)) {
    if (cpuDir) nodeArgs[app] = [...(nodeArgs[app] ?? []), '--cpu-prof', `--cpu-prof-dir=${cpuDir}/${app}`];
    if (heapDir) {
      nodeArgs[app] = [...(nodeArgs[app] ?? []), '--require', preload];
      env[app] = { ...(env[app] ?? {}), BENCH_HEAP_PROF_DIR: `${heapDir}/${app}` };
    }
  }
  return { ...opts, nodeArgs, env };
}
