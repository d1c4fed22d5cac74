// Small shared helpers for the benchmark harness (no dependencies beyond Node).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { Cleanup } from '../../lib/cleanup.mjs';
export { freePort } from '../../lib/ports.mjs';

/** Repository root (tools/bench/lib → ../../..). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] = utime, fields[12] = stime (fields 14 and 15 of proc(5)), in clock ticks (USER_HZ = 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
