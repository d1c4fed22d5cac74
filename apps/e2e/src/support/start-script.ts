import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, symlinkSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * A fresh clone of this repository's HEAD in `dir`, as a new user would have it, except that node_modules is
 * this checkout's (a symlink: no 45 s install). Nx is pointed at this checkout's cache directory, but its task
 * hashes differ between checkouts, so each clone compiles the apps as a new user's would. The lockfile is dated back so the start script does not reinstall.
 */
export function freshClone(dir: string): string {
  execFileSync('git', ['clone', '-q', REPO_ROOT, dir]);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  utimesSync(join(dir, 'package-lock.json'), new Date(0), new Date(0));
  return dir;
}

/** `npm start` (node tools/start-hub.mjs) in `dir`, in its own process group so a failed test can kill all of it. */
export class StartRun {
  output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(
    readonly dir: string,
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(process.execPath, ['tools/start-hub.mjs'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  /** Resolves with the first match of `pattern` in the output; rejects if the script exits first or in `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const match = pattern.exec(this.output);
      if (match) return match;
      if (exited || Date.now() > deadline) {
        throw new Error(`${exited ? 'npm start exited' : `no ${pattern} within ${timeoutMs / 1000} s`}; its last output:\n${this.hubLines().slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The start script's own lines (`[hub] …`), without the apps' logs. */
  hubLines(): string {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('[hub]'))
      .join('\n');
  }

  /** The sample keys printed under "Sample API keys". */
  printedKeys(): Record<string, string> {
    return Object.fromEntries([...this.output.matchAll(/^\[hub\] {3}(sample-[a-z-]+) +(hub_\S+)$/gm)].map((m) => [m[1], m[2]]));
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** For afterAll: whatever of this run is still alive (script and apps) gets SIGKILL. */
  killAll(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** True if 127.0.0.1:`port` can be listened on. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => done(true)));
  });
}

/**
 * The first port the kernel hands out to outgoing connections (`ip_local_port_range`). A port above it that is free
 * now can be taken a moment later as the local end of any connection (the apps' own to PostgreSQL, Kafka and Redis),
 * and an app listening there then fails to start: a port base is chosen below it.
 */
function firstEphemeralPort(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > 12_000 ? first : 32_768;
  } catch {
    return 32_768; // Linux's default
  }
}

/** A base port with the six following ones free too (the five apps, the payment sandbox, the mock agency system). */
export async function freePortBase(): Promise<number> {
  const span = firstEphemeralPort() - 8 - 10_000;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 10_000 + Math.floor(Math.random() * span);
    const free = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no seven consecutive free ports found');
}

/** Pids of live processes whose command line or working directory is inside `dir` (Linux /proc). */
export function processesUnder(dir: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
        return state !== 'Z' && (cmdline.includes(dir) || readlinkSync(`/proc/${pid}/cwd`).startsWith(dir));
      } catch {
        return false; // gone meanwhile, or not readable
      }
    });
}
