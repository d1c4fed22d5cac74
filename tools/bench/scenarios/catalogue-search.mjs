// catalogue-search: Vietnamese procedure search through the gateway, against the very same SQL run straight on
// PostgreSQL with `pg`, with 7,000 procedures in force (about the size of the national catalogue).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { benchPool } from '../lib/db.mjs';
import { fmt, median } from '../lib/stats.mjs';

export const name = 'catalogue-search';
export const description =
  'GET /v1/procedures?q=… through the gateway (public read) with 7,000 procedures loaded vs the same SQL (page with its total) ' +
  'run directly with pg on the same database, same concurrency and query mix: throughput and p99.';

const PROCEDURES = 7_000;
const PAGE_SIZE = 20;
// The catalogue's TypeORM pool (PersistenceModule default): the direct baseline gets the same number of connections.
const POOL_SIZE = 10;
const OPERATOR = { clientId: 'bench-operator', kind: 'operator', roles: ['catalogue:write'], agencyCodes: [] };
const PORTAL = { clientId: 'bench-portal', kind: 'portal', roles: [], agencyCodes: [] };

const PROVINCE = '000.00.00.H31';
const UNITS = ['000.00.15.H31', '000.00.16.H31', '000.00.17.H31', '101.01.00.H31'];
const SECTORS = [
  ['G09-XD01', 'Hoạt động xây dựng'],
  ['G12-HT01', 'Hộ tịch'],
  ['G12-CT01', 'Chứng thực'],
  ['G06-DN01', 'Thành lập và hoạt động của doanh nghiệp'],
  ['G17-DD01', 'Đất đai'],
  ['G05-GD01', 'Văn bằng, chứng chỉ'],
];
const ACTIONS = ['Cấp', 'Cấp lại', 'Điều chỉnh', 'Gia hạn', 'Đăng ký', 'Đăng ký thay đổi', 'Thu hồi', 'Xác nhận', 'Công nhận', 'Thẩm định', 'Phê duyệt', 'Chứng thực'];
const OBJECTS = [
  'giấy phép xây dựng',
  'giấy chứng nhận quyền sử dụng đất',
  'giấy chứng nhận đủ điều kiện kinh doanh',
  'chứng chỉ hành nghề',
  'giấy khai sinh',
  'hộ kinh doanh',
  'doanh nghiệp tư nhân',
  'giấy phép lái xe',
  'văn bằng tốt nghiệp',
  'giấy phép môi trường',
  'giấy xác nhận tình trạng hôn nhân',
  'bản sao từ bản chính',
  'hợp đồng chuyển nhượng',
  'giấy phép hoạt động khoáng sản',
  'thiết kế xây dựng',
  'phương án phòng cháy, chữa cháy',
];
const QUALIFIERS = ['', ' đối với công trình cấp I, cấp II', ' cho người nước ngoài', ' trong khu công nghiệp', ' tại cấp xã', ' cấp tỉnh', ' theo thủ tục rút gọn', ' đối với tổ chức', ' đối với cá nhân', ' có yếu tố nước ngoài'];

/** The query mix each connection cycles through (accent-free words, accented words, a prefix, an exact code, filters). */
function queryMix(codes) {
  return [
    { q: 'giay phep xay dung' },
    { q: 'Đăng ký hộ kinh doanh' },
    { q: 'cap lai chung chi hanh nghe' },
    { q: codes[1234] },
    { q: 'xac nhan tinh trang hon nhan', sector: 'G12-HT01' },
    { q: 'thu hoi' },
    { q: 'giay chung nhan quyen su dung dat', agency: UNITS[2] },
    { q: 'cong nhan van bang tot nghiep cho nguoi nuoc ngoai' },
  ];
}

export async function run(ctx) {
  const hub = await ctx.startHub({ apps: ['gateway', 'catalogue'] });
  const require = createRequire(import.meta.url);
  require('reflect-metadata');
  // Exactly the statements the service runs (compiled from apps/catalogue/src/procedure/procedure-search.sql.ts).
  const { searchStatements } = ctx.requireDist('catalogue', 'apps/catalogue/src/procedure/procedure-search.sql.js');

  // 1. Reference data and 7,000 procedures, through the catalogue's own API (direct, signed identity).
  const write = (method, path, body) =>
    hub.request(method, path, { app: 'catalogue', body, headers: { 'x-hub-identity': hub.identityHeader(OPERATOR, { app: 'catalogue', method, path }) } }).then((r) => {
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    });
  await write('POST', '/v1/agencies', { code: PROVINCE, name: 'Ủy ban nhân dân thành phố Hà Nội (bench)', level: 'PROVINCE' });
  for (const [i, code] of UNITS.entries()) await write('POST', '/v1/agencies', { code, name: `Đơn vị ${i + 1} (bench)`, level: code.startsWith('101') ? 'COMMUNE' : 'UNIT', parentCode: PROVINCE });
  for (const [code, sectorName] of SECTORS) await write('POST', '/v1/sectors', { code, name: sectorName });

  const codes = Array.from({ length: PROCEDURES }, (_, i) => `${1 + (i % 2)}.${String(100000 + i).padStart(6, '0')}`);
  const lines = codes.map((code, i) =>
    JSON.stringify({
      code,
      name: `${ACTIONS[i % ACTIONS.length]} ${OBJECTS[Math.floor(i / ACTIONS.length) % OBJECTS.length]}${QUALIFIERS[Math.floor(i / (ACTIONS.length * OBJECTS.length)) % QUALIFIERS.length]}`,
      sectorCodes: [SECTORS[i % SECTORS.length][0]],
      publishingAgencyCode: PROVINCE,
      implementingAgencyCodes: [UNITS[i % UNITS.length]],
      steps: [{ title: 'Nộp hồ sơ' }, { title: 'Giải quyết hồ sơ' }, { title: 'Trả kết quả' }],
      channels: [
        { channel: 'COUNTER', timeLimit: { amount: 5 + (i % 15), unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí', amount: 50000 }] },
        { channel: 'ONLINE', timeLimit: { amount: 5 + (i % 15), unit: 'WORKING_DAY' }, fees: [] },
      ],
      requiredDocuments: [{ name: 'Đơn đề nghị', formName: 'Mẫu số 01', originals: 1, copies: 0 }],
      subjects: ['Công dân Việt Nam', 'Tổ chức'],
      results: ['Văn bản chấp thuận'],
      legalBasis: [{ number: '63/2010/NĐ-CP', title: 'Nghị định về kiểm soát thủ tục hành chính' }],
      onlineLevel: ['FULL', 'PARTIAL', 'NONE'][i % 3],
      publicationDecision: { number: `${i}/QĐ-BENCH`, date: '2025-07-01', issuingAgencyCode: PROVINCE },
      effectiveFrom: '2025-07-01',
    }),
  );
  const rssBefore = peakRssMiB(hub.pidOf('catalogue'));
  const t0 = Date.now();
  const imported = await fetch(`${hub.urls.catalogue}/v1/procedures:import`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', 'x-hub-identity': hub.identityHeader(OPERATOR, { app: 'catalogue', method: 'POST', path: '/v1/procedures:import' }) },
    body: lines.join('\n'),
  }).then((r) => r.json());
  if (imported.created !== PROCEDURES) throw new Error(`import: ${JSON.stringify({ ...imported, results: imported.results?.filter((r) => r.result === 'error').slice(0, 3) })}`);
  const importSec = (Date.now() - t0) / 1000;
  ctx.log(`imported ${PROCEDURES} procedures in ${importSec.toFixed(1)} s`);
  // The import streams its body (NDJSON, a chunk of records at a time): its memory is bounded by a chunk plus the
  // per-record results, not by the body. Peak resident memory of the catalogue process, from the kernel (VmHWM).
  const rssAfter = peakRssMiB(hub.pidOf('catalogue'));
  if (rssBefore !== undefined && rssAfter !== undefined) {
    const bodyMiB = Buffer.byteLength(lines.join('\n')) / 1048576;
    ctx.note(`Import of ${PROCEDURES} procedures (${bodyMiB.toFixed(1)} MiB NDJSON) in ${importSec.toFixed(1)} s; catalogue peak RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB.`);
  }
  await ctx.withPg(hub.databases.catalogue, (c) => c.query('ANALYZE procedure_version'));

  // 2. Both sides answer the same thing for the same query, or the comparison means nothing.
  const queries = queryMix(codes);
  const criteria = (q) => ({ ...q, at: new Date(), offset: 0, limit: PAGE_SIZE });
  const pool = benchPool(hub.databases.catalogue, POOL_SIZE);
  const closePool = ctx.defer('close the pg pool', () => pool.end());
  const direct = async (q) => {
    const { pageSql, countSql, params, countParams } = searchStatements(criteria(q));
    // What the repository does: the page carries the total; only a page past the end runs the count.
    const page = await pool.query(pageSql, params);
    if (page.rows.length === 0) await pool.query(countSql, countParams);
    return page.rows;
  };
  const path = (q) => `/v1/procedures?${new URLSearchParams({ ...q, pageSize: String(PAGE_SIZE) })}`;
  for (const q of queries) {
    const viaGateway = await hub.request('GET', path(q));
    const rows = await direct(q);
    const a = viaGateway.body.items?.map((i) => i.code).join();
    const b = rows.map((r) => r.procedure_code).join();
    if (viaGateway.status !== 200 || a !== b || rows.length === 0) throw new Error(`sanity check for ${JSON.stringify(q)}: gateway ${viaGateway.status} [${a}] vs SQL [${b}]`);
  }
  const totals = await Promise.all(queries.map((q) => hub.request('GET', path(q)).then((r) => r.body.total)));
  ctx.log(`both sides agree; totals per query: ${totals.join(', ')}`);

  // 3. Measure.
  const { connections, durationSec, warmupSec } = ctx.options;
  const cpuPids = { gateway: hub.pidOf('gateway'), catalogue: hub.pidOf('catalogue'), loadgen: process.pid };
  const subject = () =>
    ctx.load({ url: `${hub.url}/v1/procedures`, requests: queries.map((q) => ({ method: 'GET', path: path(q) })), connections, durationSec, warmupSec, cpuPids });
  const baseline = () => sqlLoad({ run: direct, queries, connections, durationSec, warmupSec });
  const { rows, samples } = await ctx.compare({
    baseline: { label: 'SQL via pg', measure: baseline },
    subject: { label: 'HTTP via gateway', measure: subject },
    metrics: [
      { key: 'rps', metric: `searches per second, ${connections} connections`, unit: 'req/s', better: 'higher' },
      { key: 'p99', metric: `p99 latency, ${connections} connections`, unit: 'ms', better: 'lower' },
    ],
  });

  const failures = samples.subject.reduce((n, s) => n + s.non2xx + s.errors + s.timeouts, 0) + samples.baseline.reduce((n, s) => n + s.errors, 0);
  if (failures > 0) ctx.warn(`${failures} searches answered other than 200 (or failed, or timed out)`);
  const cpu = (proc) => fmt(median(samples.subject.map((s) => s.cpuUsPerReq[proc])));
  await closePool();
  await hub.stop();
  return {
    baseline: `the same SQL (searchStatements of the catalogue) run directly with pg, pool of ${POOL_SIZE}`,
    subject: 'GET /v1/procedures through the gateway (public read, no key) to the catalogue',
    rows,
    notes: [
      `${PROCEDURES} procedures in force, imported in ${importSec.toFixed(1)} s with one streamed POST /v1/procedures:import (NDJSON). ` +
        `Query mix (each connection cycles through it): ${queries.map((q) => JSON.stringify(q)).join(', ')}; page size ${PAGE_SIZE}; totals ${totals.join(', ')}.`,
      `The SQL side runs what the service runs for each search (the page with a window count of all matches; the separate count only for a page past the end). It uses a pool of ${POOL_SIZE} connections ` +
        `(the catalogue's pool size) with ${connections} concurrent callers; the HTTP side adds the gateway hop, JSON, validation and the identity check.`,
      `CPU per search through the gateway (median µs): gateway ${cpu('gateway')}, catalogue ${cpu('catalogue')}, load generator ${cpu('loadgen')}.`,
      failures === 0 ? 'Every search answered 200 (no errors, no timeouts).' : `**${failures} non-2xx responses, errors or timeouts** in the measured runs: see the log.`,
    ],
  };
}

/** The SQL baseline: `connections` callers issuing the query mix in a loop for the duration, like autocannon does over HTTP. */
async function sqlLoad({ run, queries, connections, durationSec, warmupSec }) {
  const phase = async (seconds) => {
    const deadline = Date.now() + seconds * 1000;
    const latencies = [];
    let errors = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        for (let i = worker; Date.now() < deadline; i++) {
          const t = process.hrtime.bigint();
          try {
            await run(queries[i % queries.length]);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          } catch {
            errors++;
          }
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
    return { rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), ok: latencies.length, errors };
  };
  if (warmupSec > 0) await phase(warmupSec);
  return phase(durationSec);
}

/** Peak resident set size of a process in MiB (Linux `/proc/<pid>/status` VmHWM), or undefined elsewhere. */
function peakRssMiB(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
