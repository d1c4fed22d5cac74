// Installs dependencies when node_modules is missing or older than the lockfile (fresh clones).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export function ensureInstalled() {
  const marker = 'node_modules/.package-lock.json';
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
  console.log('[hub] installing dependencies (npm ci)');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
}
