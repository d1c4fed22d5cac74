// Makes sure the built apps in dist/ are at least as new as their sources; runs the nx build otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './util.mjs';

export const APPS = ['catalogue', 'dossier', 'payment', 'rating', 'gateway'];

/**
 * V8 flags an app runs with, wherever it runs: `npm start`, the benchmarks, and (checked by tools/ci/node-flags.mjs)
 * its container in docker-compose.yml and deploy/k8s. The dossier keeps a 1,000-record sync batch alive across the
 * awaits of its transaction; with V8's default young generation (16 MB semi-spaces) the scavenger copies and promotes
 * most of it. With 64 MB semi-spaces a batch mostly dies young: `sync-ab` 8 pairs, the dossier's CPU per batch
 * 1.23x with the default (docs/performance.md, "A larger young generation for the dossier").
 */
export const NODE_FLAGS = { dossier: ['--max-semi-space-size=64'] };

/** @param {string} app */
export const nodeFlagsOf = (app) => NODE_FLAGS[app] ?? [];

const STAMP_DIR = join(ROOT, '.local/bench');

/** Built entry point of an app (as in apps/e2e/src/support/hub.ts). */
export const entryOf = (app) => join(ROOT, `dist/apps/${app}/apps/${app}/src/main.js`);
/** Root of an app's build output; its compiled libs are under `<distDir>/libs/<lib>/src`. */
export const distDirOf = (app) => join(ROOT, `dist/apps/${app}`);
const stampOf = (app) => join(STAMP_DIR, `built-${app}.stamp`);

function newestMtime(dir, skip = (name) => name.endsWith('.spec.ts')) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, skip));
    else if (!skip(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function sourcesMtime(app) {
  const libs = readdirSync(join(ROOT, 'libs')).map((lib) => newestMtime(join(ROOT, 'libs', lib, 'src')));
  const files = ['tsconfig.base.json', `apps/${app}/tsconfig.app.json`, `apps/${app}/tsconfig.json`, `apps/${app}/project.json`]
    .map((f) => join(ROOT, f))
    .filter(existsSync)
    .map((f) => statSync(f).mtimeMs);
  return Math.max(newestMtime(join(ROOT, 'apps', app, 'src')), ...libs, ...files);
}

/** Build time of an app: its entry point's mtime, or the last time the harness saw nx confirm it (cache hit). */
function builtMtime(app) {
  if (!existsSync(entryOf(app))) return -1;
  const stamp = existsSync(stampOf(app)) ? statSync(stampOf(app)).mtimeMs : 0;
  return Math.max(statSync(entryOf(app)).mtimeMs, stamp);
}

const checked = new Map(); // app → { ok, stale, error }

/**
 * Builds whichever of `apps` is missing or older than its sources (one nx run for all of them).
 * A failed build of an app that has an older build is reported, not fatal: the caller decides.
 * @returns {Record<string, { ok: boolean, stale: boolean, error?: string }>}
 */
export function ensureBuilt(apps, log) {
  const todo = apps.filter((app) => !checked.has(app));
  const stale = todo.filter((app) => builtMtime(app) < sourcesMtime(app));
  for (const app of todo.filter((a) => !stale.includes(a))) checked.set(app, { ok: true, stale: false });
  if (stale.length > 0) {
    log(`building ${stale.join(', ')} (dist missing or older than the sources)`);
    const t0 = Date.now();
    const res = spawnSync('npx', ['nx', 'run-many', '-t', 'build', `--projects=${stale.join(',')}`, '--outputStyle=stream'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${res.stdout ?? ''}${res.stderr ?? ''}`;
    mkdirSync(STAMP_DIR, { recursive: true });
    const failed = res.status === 0 ? [] : stale.filter((app) => failedTasks(output).includes(`${app}:build`));
    // nx run-many builds the other projects when one fails; if it failed without naming tasks, trust nothing.
    const unknown = res.status !== 0 && failed.length === 0;
    for (const app of stale) {
      if (!unknown && !failed.includes(app)) {
        writeFileSync(stampOf(app), new Date().toISOString());
        checked.set(app, { ok: true, stale: false });
      } else {
        // A previous build can still be benchmarked; the report says it is stale.
        checked.set(app, { ok: existsSync(entryOf(app)), stale: true, error: `the nx build of ${app} failed` });
      }
    }
    if (res.status !== 0) {
      log(`nx build exited with ${res.status}; last lines:\n${output.split('\n').slice(-40).join('\n')}`);
    } else {
      log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  return Object.fromEntries(apps.map((app) => [app, checked.get(app)]));
}

// nx ends a failed run-many with "Failed tasks:" and one "- <project>:build" line per failed task.
function failedTasks(output) {
  const i = output.lastIndexOf('Failed tasks');
  return i < 0 ? '' : output.slice(i);
}
