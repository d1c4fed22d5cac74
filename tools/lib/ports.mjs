// TCP ports on loopback: is one free, and if not, which process holds it (Linux /proc; elsewhere unknown).
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

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

/** True if nothing prevents listening on 127.0.0.1:`port` (a listener on 0.0.0.0 or 127.0.0.1 does). */
export function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Socket inodes listening on `port` (IPv4 and IPv6), from /proc/net/tcp*. */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] = local address "0100007F:0BB8", cols[3] = state (0A = LISTEN), cols[9] = inode
      if (cols.length > 9 && cols[3] === '0A' && Number.parseInt(cols[1].split(':').at(-1), 16) === port) inodes.add(cols[9]);
    }
  }
  return inodes;
}

function describeProcess(pid) {
  const read = (fn) => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };
  const argv = read(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)) ?? [];
  // The script or class that runs, not the interpreter's flags: `node …/gateway/src/main.js`, `java … kafka.Kafka`.
  const main = argv.slice(1).find((a) => !a.startsWith('-') && /[/.]/.test(a)) ?? argv.slice(1).join(' ');
  const cwd = read(() => readlinkSync(`/proc/${pid}/cwd`));
  const command = [argv[0]?.split('/').at(-1), cwd && main.startsWith(`${cwd}/`) ? main.slice(cwd.length + 1) : main].filter(Boolean).join(' ');
  const ppid = Number(read(() => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
  return { pid, ppid: Number.isInteger(ppid) && ppid > 1 ? ppid : undefined, command: command.length > 90 ? `…${command.slice(-89)}` : command, cwd };
}

/** { pid, ppid, command, cwd } of a running process (Linux), or undefined. */
export function processInfo(pid) {
  return existsSync(`/proc/${pid}`) ? describeProcess(pid) : undefined;
}

/** The process listening on `port`, as { pid, ppid, command, cwd }, or undefined when it cannot be told (not Linux, not ours). */
export function portHolder(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return describeProcess(Number(pid));
    }
  }
  return undefined;
}
