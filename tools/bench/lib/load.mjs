// HTTP load with autocannon (programmatic), loopback only. Latency percentiles are computed from every
// response's exact time (autocannon's own histogram has 1 ms resolution, too coarse for a local hop).
import autocannon from 'autocannon';
import { cpuSeconds } from './util.mjs';

/**
 * One measurement: an optional warm-up run (discarded), then the measured run.
 *
 * @param {object} o
 * @param {string} o.url             http://127.0.0.1:<port>/path (loopback only)
 * @param {string} [o.method]        default GET
 * @param {Record<string,string>|(() => Record<string,string>)} [o.headers]  a function is called before each
 *                                   phase (warm-up, measured), e.g. to sign a fresh short-lived token
 * @param {string} [o.body]
 * @param {object[]} [o.requests]    autocannon `requests` (a sequence of varied requests each connection cycles through)
 * @param {number} [o.connections]   concurrent connections, one request in flight each (default 16)
 * @param {number} [o.durationSec]   measured seconds (default 10)
 * @param {number} [o.warmupSec]     warm-up seconds before it, same settings, not counted (default 3)
 * @param {Record<string, number | (() => number | undefined)>} [o.cpuPids]  label → pid (or a function reading CPU seconds,
 *   e.g. `() => treeCpuSeconds(postmasterPid)`): CPU seconds each used during the measured run
 * @param {object} [o.autocannon]    any other autocannon option, passed through
 * @returns {Promise<LoadResult>}
 */
export async function load(o) {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(o.url)) throw new Error(`load: loopback URLs only, got ${o.url}`);
  const warmupSec = o.warmupSec ?? 3;
  if (warmupSec > 0) await runOnce(o, warmupSec, false);
  const readCpu = (v) => (typeof v === 'function' ? v() : cpuSeconds(v));
  const cpuBefore = Object.fromEntries(Object.entries(o.cpuPids ?? {}).map(([k, v]) => [k, readCpu(v)]));
  const result = await runOnce(o, o.durationSec ?? 10, true);
  const cpu = {};
  for (const [k, v] of Object.entries(o.cpuPids ?? {})) {
    const after = readCpu(v);
    if (after !== undefined && cpuBefore[k] !== undefined) cpu[k] = after - cpuBefore[k];
  }
  result.cpuSec = cpu;
  // CPU time per successful request, in microseconds (where the work of one request goes).
  result.cpuUsPerReq = Object.fromEntries(Object.entries(cpu).map(([k, s]) => [k, result.ok > 0 ? (s * 1e6) / result.ok : NaN]));
  return result;
}

/**
 * @typedef {object} LoadResult
 * @property {number} rps         successful (2xx) responses per second
 * @property {number} p50 @property {number} p90 @property {number} p99 @property {number} max   latency, ms (all responses)
 * @property {number} mean        mean latency, ms
 * @property {number} ok          2xx responses  @property {number} non2xx  @property {number} errors  @property {number} timeouts
 * @property {Record<string, number>} statusCodes
 * @property {number} durationSec actual measured duration
 * @property {Record<string, number>} cpuSec  @property {Record<string, number>} cpuUsPerReq
 */

async function runOnce(o, durationSec, measured) {
  const headers = typeof o.headers === 'function' ? o.headers() : (o.headers ?? {});
  const latencies = [];
  const instance = autocannon({
    url: o.url,
    method: o.method ?? 'GET',
    headers,
    body: o.body,
    // headersPerRequest: headers made for each request (a signed identity is valid once).
    requests: o.headersPerRequest ? [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...o.headersPerRequest() } }) }] : o.requests,
    connections: o.connections ?? 16,
    pipelining: 1,
    duration: durationSec,
    timeout: 10,
    ...o.autocannon,
  });
  if (measured) instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const r = await instance;
  if (!measured) return undefined;
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    rps: r['2xx'] / r.duration,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: latencies.at(-1) ?? NaN,
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    durationSec: r.duration,
  };
}
