// A build of another revision, to measure a change against the code before it in the same run (scenarios intake-ab, sync-ab).
// The revision's tracked files are extracted (git archive) into .local/bench/base/<sha>, share this checkout's
// node_modules (refused unless every package the revision's package-lock.json pins is pinned the same here: the base
// must run on its own dependencies; packages this checkout adds are there but unused) and are built there with the same
// nx target; a later run reuses the build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './util.mjs';

const BASE_DIR = join(ROOT, '.local/bench/base');

function git(args, options = {}) {
  const res = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${(res.stderr || res.stdout).trim()}`);
  return res.stdout;
}

/** The packages `baseLock` pins (path@version) that `lock` does not pin alike: none when the base can share node_modules. */
export function dependenciesNotHere(baseLock, lock) {
  const here = JSON.parse(lock).packages ?? {};
  return Object.entries(JSON.parse(baseLock).packages ?? {})
    .filter(([path, pkg]) => path !== '' && (here[path]?.version !== pkg.version || here[path]?.integrity !== pkg.integrity))
    .map(([path, pkg]) => `${path.replace(/^node_modules\//, '')}@${pkg.version}`);
}

/** Built entry point of `app` in a base build's directory. */
export const baseEntryOf = (dir, app) => join(dir, `dist/apps/${app}/apps/${app}/src/main.js`);

/**
 * Builds `apps` as they are at `revision` (any git revision: a sha, `HEAD~1`, `main`) → `{ sha, dir }`.
 * Throws with the reason when the revision is unknown, its dependencies differ from this checkout's, or its build fails.
 */
export function ensureBaseBuild(revision, apps, log) {
  const sha = git(['rev-parse', '--verify', `${revision}^{commit}`]).trim();
  const changed = dependenciesNotHere(git(['show', `${sha}:package-lock.json`]), readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  if (changed.length > 0) {
    throw new Error(`${revision} (${sha.slice(0, 12)}) pins packages this checkout does not (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}): its build would run on other dependencies`);
  }
  const dir = join(BASE_DIR, sha);
  if (apps.every((app) => existsSync(baseEntryOf(dir, app)))) {
    log(`base ${revision} (${sha.slice(0, 12)}): reusing its build in ${dir.slice(ROOT.length)}`);
    return { sha, dir };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', sha], { cwd: ROOT, maxBuffer: 1024 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${sha}: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`extracting ${sha}: ${untar.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  log(`base ${revision} (${sha.slice(0, 12)}): building ${apps.join(', ')} in ${dir.slice(ROOT.length)}`);
  const t0 = Date.now();
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', `--projects=${apps.join(',')}`, '--outputStyle=stream', '--skip-nx-cache'], {
    cwd: dir,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const missing = apps.filter((app) => !existsSync(baseEntryOf(dir, app)));
  if (build.status !== 0 || missing.length > 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the build of ${revision} (${sha.slice(0, 12)}) failed:\n${output}`);
  }
  log(`base built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { sha, dir };
}

/**
 * The base an A/B scenario (`intake-ab`, `sync-ab`) measures this checkout against → `{ label, nodeArgs, entries }`:
 * this build with other node flags when BENCH_AB_NODE_ARGS is set (`'{"gateway":["--require","x.cjs"]}'`: an
 * ablation by preload), otherwise the build of BENCH_AB_BASE (default HEAD~1).
 */
export function baseOf(ctx, apps) {
  if (process.env.BENCH_AB_NODE_ARGS) {
    const nodeArgs = JSON.parse(process.env.BENCH_AB_NODE_ARGS);
    return { label: `this build with ${JSON.stringify(nodeArgs)}`, nodeArgs, entries: undefined };
  }
  const revision = process.env.BENCH_AB_BASE || 'HEAD~1';
  const { sha, dir } = ensureBaseBuild(revision, apps, ctx.log);
  return { label: `${revision} (${sha.slice(0, 12)})`, nodeArgs: undefined, entries: Object.fromEntries(apps.map((app) => [app, baseEntryOf(dir, app)])) };
}
