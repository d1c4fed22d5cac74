// Installs dependencies when node_modules is missing or was installed from another lockfile (fresh clones, a
// changed lockfile). The lockfile's content decides, not its modification time: a new checkout or git worktree
// rewrites the file and would otherwise reinstall (and `npm ci` empties node_modules first, even through a symlink).
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const MARKER = 'node_modules/.package-lock.json';
const STAMP = 'node_modules/.hub-installed-lockfile';

export function ensureInstalled() {
  const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === lockHash) return;
  // An install made before the stamp existed: trust it as before, if it is newer than the lockfile.
  if (!existsSync(STAMP) && existsSync(MARKER) && statSync(MARKER).mtimeMs >= statSync('package-lock.json').mtimeMs) {
    writeFileSync(STAMP, `${lockHash}\n`);
    return;
  }
  console.log('[hub] installing dependencies (npm ci)');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
  writeFileSync(STAMP, `${lockHash}\n`);
}

// `node tools/ensure-installed.mjs`: for entry points whose own imports need node_modules (the bench harness).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureInstalled();
