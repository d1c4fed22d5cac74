// A command as a child process that a Ctrl-C or a failure elsewhere can stop (execSync would block signals).
import { spawn } from 'node:child_process';
import { stopChild } from '../lib/cleanup.mjs';

/** Runs `command` with `args`, output inherited; rejects if it fails. Stopped by `cleanup` while it runs. */
export function run(cleanup, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    const release = cleanup.defer(`stop ${command}`, () => stopChild(child, 10_000));
    child.on('error', (e) => {
      void release();
      reject(new Error(`${command} could not be run: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      void release();
      if (code === 0) resolve();
      else reject(new Error(`\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Runs a command quietly; resolves with its exit code and output (never rejects). */
export function probe(command, args, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', () => resolve({ code: -1, out }));
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}
