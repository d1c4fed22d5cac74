// Machine/commit facts and the Markdown section appended to docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { fmt } from './stats.mjs';

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: (cpus[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAvg: os.loadavg(),
  };
}

export function gitInfo(root) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git('rev-parse', '--short=12', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=normal').split('\n').filter(Boolean).length;
    return { commit, changed };
  } catch {
    return { commit: 'unknown (not a git checkout)', changed: 0 };
  }
}

export const INTRO = `# Benchmarks

Figures appended by \`npm run bench\` (harness and scenarios in [\`tools/bench\`](../tools/bench/README.md)).
Each run adds one section at the end of this file with the machine, the date and the git commit it ran on.

## Reading the figures

The machines that run this are small (2 cores) and shared, so absolute figures move by tens of percent
from one run to the next. **Every figure is therefore a ratio against a baseline measured in the same run,
on the same machine, back to back**: the scenario measures the baseline and the subject alternately
(baseline→subject, then subject→baseline, …), and the ratio is the median of the per-run ratios
*subject ÷ baseline*.

- Throughput ratio **0.50** = the subject does half the baseline's requests (or events) per second.
- Latency ratio **2.0** = the subject's p99 is twice the baseline's.
- The *per-run ratios* column shows the spread: if it is wide, the machine was busy; rerun before concluding.
- The medians of the absolute values are there for context only; compare ratios across runs, not absolute values.

## Running

\`\`\`sh
npm run bench                          # every scenario; appends a section here
npm run bench -- gateway-hop           # only the named scenario(s)
npm run bench -- --runs 5 --duration 20   # more and longer runs (less noise)
npm run bench -- --quick               # smoke test of the harness: short, nothing appended
npm run bench -- --list                # what scenarios exist
\`\`\`

It builds the apps if \`dist/\` is older than the sources, starts PostgreSQL and the local Kafka broker if
needed (and stops the broker again if it started it), starts the apps it needs on free ports with
throwaway databases, and cleans everything up at the end. It is not part of \`npm test\`.
Sections below are generated: do not edit them by hand.
`;

/** Appends `markdown` to `file`, creating it with the introduction first if it does not exist. */
export function appendReport(file, markdown) {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') writeFileSync(file, INTRO);
  const current = readFileSync(file, 'utf8');
  const sep = current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n';
  appendFileSync(file, `${sep}${markdown.trimEnd()}\n`);
}

/**
 * @param {object} run  { startedAt: Date, durationSec, machine, git, settings, infra, results: [{ name, description, status, result?, error?, reason?, seconds }] }
 */
export function renderSection(run) {
  const { machine: m, git: g } = run;
  const date = run.startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const commit = `\`${g.commit}\`${g.changed ? ` + ${g.changed} uncommitted change${g.changed > 1 ? 's' : ''}` : ''}`;
  const lines = [
    `## ${date} · commit ${commit}`,
    '',
    `- **Machine:** ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, ${m.os}; load average ${m.loadAvg.map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min) at start`,
    `- **Node:** ${m.node} · **Kafka:** ${run.infra.kafka} · **PostgreSQL:** ${run.infra.postgres}`,
    `- **Settings:** ${run.settings} · whole run ${Math.round(run.durationSec)} s`,
    '',
  ];
  for (const r of run.results) {
    lines.push(`### ${r.name}`, '');
    if (r.description) lines.push(r.description, '');
    if (r.status === 'skipped') {
      lines.push(`*Skipped:* ${r.reason}`, '');
      continue;
    }
    if (r.warnings?.length) lines.push(...r.warnings.map((w) => `> **Warning:** ${oneLine(w)}`), '');
    if (r.status === 'failed') {
      lines.push(`*Failed after ${Math.round(r.seconds)} s:* ${oneLine(r.error)}`, '');
      if (r.notes?.length) lines.push(...r.notes.map((n) => `- ${n}`), '');
      continue;
    }
    const res = r.result;
    lines.push(
      `Baseline: **${res.baseline}**. Subject: **${res.subject}**. Ratio = subject ÷ baseline.`,
      '',
      '| metric | baseline | subject | ratio | per-run ratios |',
      '| --- | ---: | ---: | ---: | --- |',
    );
    for (const row of res.rows) {
      const better = row.better ? `, ${row.better} is better` : '';
      lines.push(
        `| ${row.metric} (${row.unit}${better}) | ${fmt(row.baseline)} | ${fmt(row.subject)} | **${fmtRatio(row.ratio)}** | ${(row.ratios ?? []).map(fmtRatio).join(' · ')} |`,
      );
    }
    lines.push('');
    const notes = [...(res.notes ?? []), ...(r.notes ?? [])];
    if (notes.length) lines.push(...notes.map((n) => `- ${n}`), '');
    lines.push(`<sub>${r.name}: ${Math.round(r.seconds)} s</sub>`, '');
  }
  return lines.join('\n');
}

export function fmtRatio(x) {
  if (x === undefined || x === null || !Number.isFinite(x)) return 'n/a';
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function oneLine(s) {
  return String(s ?? '').split('\n')[0].slice(0, 500);
}
