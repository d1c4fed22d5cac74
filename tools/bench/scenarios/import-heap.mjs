// import-heap: what a hostile 10 MiB import (`1\n` × 5,242,880, every line a refused record) costs the catalogue's
// memory with the record cap and the cap on kept refusal reasons (the subject, run with the production heap limit
// of deploy/k8s, --max-old-space-size=384) against the same build with both caps lifted to 10,000,000 (the
// baseline: what the import did before the caps, every refusal kept with its reasons, no heap limit).
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';

export const name = 'import-heap';
export const description =
  'Peak memory of the catalogue answering a hostile 10 MiB NDJSON import of `1\\n` lines: caps on (10,000 records, ' +
  '1,000 refusal reasons; heap limit 384 MiB) vs caps lifted (the behaviour before them).';

const OPERATOR = { clientId: 'bench-operator', kind: 'operator', roles: ['catalogue:write'] };
const MIB = 1024 * 1024;

/** Peak resident set (VmHWM) and current resident set (VmRSS) of a process, MiB (Linux /proc). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peak: kib('VmHWM') / 1024, rss: kib('VmRSS') / 1024 };
}

export async function run(ctx) {
  if (process.platform !== 'linux') return { skipped: 'reads peak memory from /proc (Linux only)' };
  const body = Buffer.from('1\n'.repeat(5 * MIB));
  const measureWith = (label, env, nodeArgs) => ({
    label,
    measure: async () => {
      const hub = await ctx.startHub({ apps: ['catalogue'], env: { catalogue: env }, nodeArgs: { catalogue: nodeArgs } });
      try {
        const pid = hub.pidOf('catalogue');
        const before = memoryOf(pid);
        const started = Date.now();
        const res = await fetch(`${hub.urls.catalogue}/v1/procedures:import`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-ndjson', 'x-hub-identity': hub.identityHeader(OPERATOR, { app: 'catalogue', method: 'POST', path: '/v1/procedures:import' }) },
          // The baseline may take minutes: no client-side timeout.
          dispatcher: new Agent({ headersTimeout: 0, bodyTimeout: 0 }),
        });
        const answer = await res.json();
        const seconds = (Date.now() - started) / 1000;
        const after = memoryOf(pid);
        const alive = (await fetch(`${hub.urls.catalogue}/health/ready`)).status;
        ctx.log(`${label}: ${res.status} ${answer.code ?? `${answer.total} records, ${answer.failed} failed`}; ready ${alive}`);
        return {
          status: res.status,
          peakGrowth: after.peak - before.peak,
          peak: after.peak,
          rssAfter: after.rss,
          answerBytes: JSON.stringify(answer).length / MIB,
          seconds,
        };
      } finally {
        await hub.stop();
      }
    },
  });
  const { rows, samples } = await ctx.compare({
    runs: 1,
    // The request timeout (60 s) would cut the baseline off half-way: it is lifted too.
    baseline: measureWith('caps lifted', { IMPORT_MAX_RECORDS: '10000000', IMPORT_MAX_ERROR_DETAILS: '10000000', REQUEST_TIMEOUT_MS: '900000' }, []),
    subject: measureWith('caps on (defaults)', {}, ['--max-old-space-size=384']),
    metrics: [
      { key: 'peakGrowth', metric: 'peak RSS growth during the import', unit: 'MiB', better: 'lower' },
      { key: 'peak', metric: 'peak RSS of the process', unit: 'MiB', better: 'lower' },
      { key: 'rssAfter', metric: 'RSS right after the answer', unit: 'MiB', better: 'lower' },
      { key: 'answerBytes', metric: 'size of the answer', unit: 'MiB', better: 'lower' },
      { key: 'seconds', metric: 'time to answer', unit: 's', better: 'lower' },
    ],
  });
  return {
    baseline: 'caps lifted to 10,000,000 and REQUEST_TIMEOUT_MS to 900 s (every record read and reported with its reasons; no heap limit)',
    subject: 'default caps: 413 IMPORT_TOO_MANY_RECORDS at record 10,001, rest of the body discarded unread; --max-old-space-size=384',
    rows,
    notes: [
      `Answers: baseline ${samples.baseline[0].status}, subject ${samples.subject[0].status}. Peak RSS is VmHWM of /proc/<pid>/status, ` +
        'growth is its rise from just before the request.',
    ],
  };
}
