#!/usr/bin/env node
// The V8 flags an app runs with (tools/bench/lib/build.mjs NODE_FLAGS, used by `npm start` and the benchmarks) must be
// in its container's NODE_OPTIONS too: deploy/k8s/<app>.yaml and docker-compose.yml. A line-based read of the two
// files (no YAML parser in the dependencies): each app's NODE_OPTIONS value, within its own section.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPS, nodeFlagsOf } from '../bench/lib/build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** NODE_OPTIONS of a k8s manifest: the `value:` line after `- name: NODE_OPTIONS`. */
function k8sNodeOptions(app) {
  const lines = readFileSync(join(ROOT, 'deploy/k8s', `${app}.yaml`), 'utf8').split('\n');
  const at = lines.findIndex((line) => /-\s+name:\s+NODE_OPTIONS\s*$/.test(line));
  return at < 0 ? '' : (lines[at + 1].match(/^\s*value:\s*(.*)$/)?.[1] ?? '');
}

/** NODE_OPTIONS of a docker-compose service: a `NODE_OPTIONS:` line between `  <app>:` and the next service. */
function composeNodeOptions(app) {
  const lines = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').split('\n');
  const start = lines.indexOf(`  ${app}:`);
  if (start < 0) return '';
  for (let i = start + 1; i < lines.length && !/^ {2}\S/.test(lines[i]) && !/^\S/.test(lines[i]); i++) {
    const value = lines[i].match(/^\s+NODE_OPTIONS:\s*(.*)$/)?.[1];
    if (value !== undefined) return value;
  }
  return '';
}

const problems = [];
for (const app of APPS) {
  for (const [where, options] of [[`deploy/k8s/${app}.yaml`, k8sNodeOptions(app)], ['docker-compose.yml', composeNodeOptions(app)]]) {
    const given = options.replace(/^["']|["']$/g, '').split(/\s+/).filter(Boolean);
    for (const flag of nodeFlagsOf(app)) if (!given.includes(flag)) problems.push(`${where}: ${app} runs without ${flag} (NODE_OPTIONS: "${options}")`);
  }
}
if (problems.length > 0) {
  console.error(`node flags differ from tools/bench/lib/build.mjs NODE_FLAGS:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`node flags: ${APPS.filter((app) => nodeFlagsOf(app).length > 0).map((app) => `${app} ${nodeFlagsOf(app).join(' ')}`).join('; ') || 'none'} (npm start, benchmarks, k8s, compose)`);
