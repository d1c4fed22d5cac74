#!/usr/bin/env node
// The top of a V8 profile, as text: `node tools/bench/profile-top.mjs <file> [--top N] [--callers REGEX] [--depth N]`.
// - A CPU profile (`.cpuprofile`, BENCH_CPU_PROF): each function's and each package's share of the busy (non-idle) time.
// - A sampling heap profile (`.heapprofile`, BENCH_HEAP_PROF): each function's and each package's share of the bytes
//   allocated, freed objects included.
// `--callers REGEX` lists, for the functions whose label matches, the call chains (`--depth` frames) their samples
// came through: which caller of `exec` or `sort` is the one worth changing. A label is `name file:line`, with
// node_modules/ shortened to nm/ and the build's dist/ prefix removed.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, callers: { type: 'string' }, depth: { type: 'string', default: '4' } },
});
if (positionals.length !== 1) {
  console.error('usage: node tools/bench/profile-top.mjs <file.cpuprofile|file.heapprofile> [--top N] [--callers REGEX] [--depth N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);

const label = ({ callFrame: f }) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, 'nm/').replace(/.*\/dist\/apps\/[^/]+\//, '')}:${f.lineNumber + 1}`;
const packageOf = ({ callFrame: f }) => {
  if (!f.url) return f.functionName || '(native)';
  const dependency = f.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1];
  if (f.url.startsWith('node:')) return f.url.startsWith('node:internal') ? 'node:internal' : f.url.split('/')[0];
  return f.url.replace(/.*\/dist\/apps\/[^/]+\//, '').split('/').slice(0, 3).join('/');
};

/** Every sample as [node path from the root, weight]: time for a CPU profile, bytes for a heap profile. */
function samples() {
  const out = [];
  if (profile.head) {
    // heap profile: a tree whose nodes carry selfSize
    const walk = (node, path) => {
      const here = [...path, node];
      if (node.selfSize > 0) out.push([here, node.selfSize]);
      for (const child of node.children) walk(child, here);
    };
    walk(profile.head, []);
    return { unit: 'bytes allocated', out };
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const weight = new Map();
  profile.samples.forEach((id, i) => weight.set(id, (weight.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, w] of weight) {
    const path = [];
    for (let n = byId.get(id); n; n = parent.get(n.id)) path.unshift(n);
    if (path.at(-1).callFrame.functionName !== '(idle)') out.push([path, w]);
  }
  return { unit: 'busy time', out };
}

const { unit, out } = samples();
const total = out.reduce((sum, [, w]) => sum + w, 0);
const pct = (w) => `${((100 * w) / total).toFixed(1).padStart(5)} %`;
const tally = (keyOf) => {
  const sums = new Map();
  for (const sample of out) {
    const key = keyOf(sample);
    if (key !== undefined) sums.set(key, (sums.get(key) ?? 0) + sample[1]);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const print = (title, rows) => {
  console.log(`\n${title}`);
  for (const [key, w] of rows) console.log(`${pct(w)}  ${key}`);
};

console.log(`${positionals[0]}: ${unit}, ${unit === 'busy time' ? `${(total / 1e3).toFixed(0)} ms` : `${(total / 1e6).toFixed(0)} MB`} sampled`);
if (values.callers) {
  const re = new RegExp(values.callers);
  const depth = Number(values.depth);
  print(`call chains of /${values.callers}/ (innermost first)`, tally(([path]) => {
    const at = path.findLastIndex((n) => re.test(label(n)));
    return at < 0 ? undefined : path.slice(Math.max(0, at - depth + 1), at + 1).reverse().map(label).join(' ← ');
  }));
} else {
  print('by package (self)', tally(([path]) => packageOf(path.at(-1))));
  print('by function (self)', tally(([path]) => label(path.at(-1))));
}
