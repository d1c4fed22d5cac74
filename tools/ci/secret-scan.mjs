#!/usr/bin/env node
// Secret scan of a diff: every ADDED line is checked for private keys, known token formats and high-entropy values
// assigned to secret-looking names. Exits 1 with file:line and the rule for each finding (the value is masked).
//
//   node tools/ci/secret-scan.mjs                 # the diff HEAD~1..HEAD (a merge: everything it brought in)
//   node tools/ci/secret-scan.mjs --base origin/main
//   SECRET_SCAN_BASE=<commit> node tools/ci/secret-scan.mjs
//   git diff | node tools/ci/secret-scan.mjs --stdin
//
// Allowed: lines that say `secret-scan: allow`, and the patterns of tools/ci/secret-scan-allow.json (paths whose
// values are test fixtures or documented examples, and example values themselves). Keep the allow-list short and
// give each entry its reason.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const RULES = [
  { id: 'private-key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/ },
  { id: 'aws-access-key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { id: 'github-token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{50,}\b/ },
  { id: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { id: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: 'hub-api-key', pattern: /\bhub_[0-9a-f]{8}_[A-Za-z0-9_-]{32,}\b/ },
  { id: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/ },
  { id: 'password-in-url', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:([^\s@/'"$]{8,})@/i, value: 1 },
];

// `name = "value"`, `name: value`, `NAME=value` where the name says secret and the value looks random.
const ASSIGNMENT = /([A-Za-z0-9_.-]*(?:secret|token|passw(?:or)?d|api[_-]?key|private[_-]?key|signing[_-]?key|credential)[A-Za-z0-9_.-]*)["']?\s*[:=]\s*["'`]?([A-Za-z0-9+/=_\-.~]{20,})/i;

/** Shannon entropy in bits per character. */
export function entropy(text) {
  const counts = new Map();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

function highEntropy(value) {
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32 && entropy(value) >= 3.0;
  return entropy(value) >= 4.0;
}

function loadAllowList() {
  const raw = JSON.parse(readFileSync(join(here, 'secret-scan-allow.json'), 'utf8'));
  return {
    paths: raw.paths.map((e) => new RegExp(e.pattern)),
    values: raw.values.map((e) => new RegExp(e.pattern, 'i')),
  };
}

/** Findings in a unified diff (only `+` lines count). */
export function scanDiff(diff, allow = loadAllowList()) {
  const findings = [];
  let file = '';
  let line = 0;
  for (const text of diff.split('\n')) {
    if (text.startsWith('+++ ')) {
      file = text.slice(4).replace(/^b\//, '');
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (text.startsWith('-')) continue;
    if (!text.startsWith('+')) {
      line++;
      continue;
    }
    const added = text.slice(1);
    const at = line++;
    if (file === '/dev/null' || allow.paths.some((p) => p.test(file)) || /secret-scan:\s*allow/.test(added)) continue;
    const allowed = (value) => allow.values.some((p) => p.test(value));
    for (const rule of RULES) {
      const match = rule.pattern.exec(added);
      if (match && !allowed(match[rule.value ?? 0])) findings.push({ file, line: at, rule: rule.id, value: match[rule.value ?? 0] });
    }
    const assignment = ASSIGNMENT.exec(added);
    if (assignment && highEntropy(assignment[2]) && !allowed(assignment[2]) && !findings.some((f) => f.file === file && f.line === at)) {
      findings.push({ file, line: at, rule: `high-entropy value for ${assignment[1]}`, value: assignment[2] });
    }
  }
  return findings;
}

const mask = (value) => (value.length <= 8 ? '****' : `${value.slice(0, 4)}…${value.slice(-2)} (${value.length} chars)`);

/** Known samples through the real rules and allow-list: a rule that stops catching (or starts flagging) fails CI. */
function selfTest() {
  const hex = (n) => Array.from({ length: n }, (_, i) => '0123456789abcdef'[(i * 7 + 3) % 16]).join('');
  const caught = [
    ['private key', '-----BEGIN PRIVATE KEY-----'],
    ['aws', 'const id = "AKIA' + 'ABCDEFGHIJKLMNOP";'],
    ['github', 'token: gh' + 'p_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'],
    ['hub key', 'x-api-key: hub_' + '0a1b2c3d_' + 'Zq8Jz3vR1xK0pLw7mN4tY6bC2dF9gH5sAe1'],
    ['password in url', 'DATABASE_URL=postgres://hub:' + 'Tr0ub4dor-and-3@db.internal:5432/hub'],
    ['assignment', 'LOOKUP_KEY_SECRET=' + 'q8Jz3vR1xK0pLw7mN4tY6bC2dF9gH5sA'],
    ['hex signing key', `signingKey: '${hex(64)}'`],
  ];
  const clean = [
    ['example', 'IDENTITY_SIGNING_KEY: change-me-to-at-least-32-random-characters'],
    ['dev value', 'DATABASE_URL: postgres://hub:${POSTGRES_PASSWORD:-hub-dev-only}@postgres:5432/hub_dossier'],
    ['code', 'const secret = process.env.LOOKUP_KEY_SECRET_FROM_THE_ENVIRONMENT;'],
    ['low entropy', 'password: aaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['allowed line', 'token = "q8Jz3vR1xK0pLw7mN4tY6bC2dF9gH5sA" // secret-scan: allow'],
    ['words', 'the secret = something we keep in the environment'],
  ];
  const diffOf = (line) => `+++ b/src/sample.ts\n@@ -0,0 +1 @@\n+${line}\n`;
  const wrong = [
    ...caught.filter(([, line]) => scanDiff(diffOf(line)).length !== 1).map(([name]) => `not caught: ${name}`),
    ...clean.filter(([, line]) => scanDiff(diffOf(line)).length !== 0).map(([name]) => `flagged: ${name}`),
  ];
  if (wrong.length > 0) {
    console.log(`[secret-scan] self-test failed: ${wrong.join('; ')}`);
    process.exit(1);
  }
  console.log(`[secret-scan] self-test: ${caught.length} samples caught, ${clean.length} left alone`);
}

function main(argv) {
  if (argv.includes('--self-test')) return selfTest();
  let diff;
  if (argv.includes('--stdin')) diff = readFileSync(0, 'utf8');
  else {
    const i = argv.indexOf('--base');
    let base = i >= 0 ? argv[i + 1] : process.env.SECRET_SCAN_BASE;
    if (!base) {
      try {
        execFileSync('git', ['rev-parse', '--verify', '-q', 'HEAD~1'], { stdio: 'ignore' });
        base = 'HEAD~1';
      } catch {
        base = execFileSync('git', ['hash-object', '-t', 'tree', '/dev/null'], { encoding: 'utf8' }).trim(); // a root commit: all of it
      }
    }
    diff = execFileSync('git', ['diff', '--no-color', '--no-ext-diff', '-U0', `${base}`, 'HEAD'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    console.log(`[secret-scan] added lines of ${base}..HEAD`);
  }
  const findings = scanDiff(diff);
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.rule}: ${mask(f.value)}`);
  if (findings.length > 0) {
    console.log(`[secret-scan] ${findings.length} possible secret(s). Remove them (and rotate them if they were real), or, for a test value or an example, add "secret-scan: allow" to the line or an entry with its reason to tools/ci/secret-scan-allow.json.`);
    process.exit(1);
  }
  console.log('[secret-scan] nothing found');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
