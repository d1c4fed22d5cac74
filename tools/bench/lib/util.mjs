// Small shared helpers for the benchmark harness (no dependencies beyond Node).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

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

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race with other processes is accepted). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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

/**
 * LIFO cleanup stack. Every resource a run creates (child processes, databases, topics, a broker the
 * harness started) registers its release here, so a failure or Ctrl-C still cleans up.
 */
export class Cleanup {
  #stack = [];
  #log;
  constructor(log) {
    this.#log = log;
  }
  /** Registers `fn`; returns a function that runs it now (once) and unregisters it. */
  defer(label, fn) {
    const entry = { label, fn, done: false };
    this.#stack.push(entry);
    return async () => {
      if (entry.done) return;
      entry.done = true;
      this.#stack.splice(this.#stack.indexOf(entry), 1);
      await fn();
    };
  }
  async runAll() {
    while (this.#stack.length > 0) {
      const entry = this.#stack.pop();
      if (entry.done) continue;
      entry.done = true;
      try {
        await entry.fn();
      } catch (e) {
        this.#log(`cleanup "${entry.label}" failed: ${e.message}`);
      }
    }
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
