import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as contracts from '@hub/contracts';
import { describeIncompatible, verify, type Baseline } from './verify';
import { buildStandard, serialize, type StandardFiles } from './standard';
import { findWiring, stillWired, unpublished, type SourceFile } from './wiring';

const DOCS = 'docs/standard';

/**
 * `generate` rewrites docs/standard/ from the contracts, unless that would change a published version incompatibly.
 * `check` fails when docs/standard/ differs from what the code generates, or when the code changed a version
 * published in docs/standard/ (or in docs/standard/ of the merge base with STANDARD_BASE_REF, default `main`, so a
 * branch cannot regenerate its way past the check).
 */
export function main(root: string, args: string[]): number {
  const [command] = args;
  if (command !== 'generate' && command !== 'check') {
    console.error('usage: node tools/standard/run.mjs generate|check');
    return 2;
  }
  const wiring = findWiring(appSources(root), contracts.EVENT_REGISTRY, contracts);
  const unfinished = stillWired(wiring, contracts.EVENT_REGISTRY);
  if (unfinished.length > 0) {
    console.error(`[standard] retired events are still in use; move their producers and consumers first:\n${unfinished.map((u) => `  ${u}`).join('\n')}`);
    return 1;
  }
  const generated = generate(root, wiring);
  const committed = readCommittedText(root);
  const baselines: Baseline[] = [{ label: DOCS, files: parseAll(committed) }];
  const base = mergeBase(root, process.env.STANDARD_BASE_REF ?? 'main');
  if (base) baselines.push({ label: `${DOCS} at ${base.slice(0, 12)}`, files: readAtCommit(root, base) });
  const verdict = verify(generated, committed, baselines);
  if (verdict.incompatible.length > 0) {
    console.error(describeIncompatible(verdict.incompatible));
    return 1;
  }
  if (command === 'generate') {
    write(root, generated, committed);
    console.log(`[standard] wrote ${generated.size} files to ${DOCS}/`);
    return 0;
  }
  if (verdict.stale.length > 0) {
    console.error(`[standard] ${DOCS}/ does not match the contracts; run \`npm run standard\` and commit:\n${verdict.stale.map((s) => `  ${s}`).join('\n')}`);
    return 1;
  }
  console.log(`[standard] ${DOCS}/ matches the contracts (${generated.size} files); no published version changed incompatibly`);
  return 0;
}

export function generate(root: string, wiring = findWiring(appSources(root), contracts.EVENT_REGISTRY, contracts)): StandardFiles {
  for (const topic of unpublished(wiring, contracts.EVENT_REGISTRY)) {
    console.warn(`[standard] warning: no app publishes ${topic} (no outbox.append(tx, Event, …) or outbox.prepare(Event, …) found)`);
  }
  return buildStandard({ events: contracts.EVENT_REGISTRY, packets: contracts.PACKET_REGISTRY, wiring });
}

function appSources(root: string): SourceFile[] {
  const apps = readdirSync(join(root, 'apps')).filter((app) => existsSync(join(root, 'apps', app, 'src')));
  return apps.flatMap((app) =>
    listFiles(join(root, 'apps', app, 'src'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => ({ app, path: relative(root, f), text: readFileSync(f, 'utf8') })),
  );
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** Generated files in docs/standard (every .json), as text. */
function readCommittedText(root: string): Map<string, string> {
  const dir = join(root, DOCS);
  return new Map(listFiles(dir).filter((f) => f.endsWith('.json')).map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
}

function parseAll(texts: Map<string, string>): StandardFiles {
  return new Map([...texts].map(([path, text]) => [path, JSON.parse(text)]));
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The merge base of HEAD with `ref`, when it exists and is not HEAD itself. */
function mergeBase(root: string, ref: string): string | undefined {
  const base = git(root, ['merge-base', 'HEAD', ref])?.trim();
  const head = git(root, ['rev-parse', 'HEAD'])?.trim();
  return base && base !== head ? base : undefined;
}

function readAtCommit(root: string, commit: string): StandardFiles {
  const names = (git(root, ['ls-tree', '-r', '--name-only', commit, '--', `${DOCS}/`]) ?? '').split('\n').filter((n) => n.endsWith('.json'));
  return new Map(
    names.flatMap((name) => {
      const text = git(root, ['show', `${commit}:${name}`]);
      return text === undefined ? [] : [[name.slice(DOCS.length + 1), JSON.parse(text)] as const];
    }),
  );
}

function write(root: string, files: StandardFiles, committed: Map<string, string>): void {
  const dir = join(root, DOCS);
  for (const path of committed.keys()) if (!files.has(path)) rmSync(join(dir, path));
  for (const [path, value] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), serialize(value));
  }
}
