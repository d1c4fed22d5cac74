// json-budget: what checking the JSON budget (depth, items, string length) on the raw bytes costs on the largest
// legitimate bodies, against the JSON.parse that every service already runs on them.
import { median } from '../lib/stats.mjs';

export const name = 'json-budget';
export const description =
  'Budget scan + JSON.parse vs JSON.parse alone on a 1,000-record sync batch (~5 KB per record) and on a 10 MiB import; ' +
  'the scan alone is what the gateway now adds to a forwarded JSON body.';

/** One dossier sync record of about 5 KB: steps, documents and fees, Vietnamese text. */
function syncRecord(i) {
  const step = (n) => ({ step: n, status: 'DANG_XU_LY', agencyCode: '000.00.16.H31', handler: `Cán bộ ${n}`, note: 'Chuyển phòng chuyên môn thẩm định hồ sơ', at: '2026-02-13T10:00:00+07:00' });
  const document = (n) => ({ code: `TP${n}`, name: `Bản sao giấy tờ số ${n} (chứng thực)`, url: `https://one-stop.example.vn/files/${i}/${n}.pdf`, sha256: 'a'.repeat(64), pages: n + 1 });
  return {
    code: `000.00.16.H31-260213-${String(i).padStart(4, '0')}`,
    procedureCode: '1.009015',
    receivingAgencyCode: '000.00.16.H31',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội', phone: '0912345678' },
    receivedAt: '2026-02-13T10:00:00+07:00',
    steps: Array.from({ length: 10 }, (_, n) => step(n)),
    documents: Array.from({ length: 8 }, (_, n) => document(n)),
    fees: [{ code: 'LE_PHI', amount: 50000 }, { code: 'PHI', amount: 100000 }],
  };
}

function bodyOf(records, targetBytes) {
  const out = [];
  let size = 2;
  for (let i = 0; targetBytes ? size < targetBytes : i < records; i++) {
    out.push(syncRecord(i));
    size += JSON.stringify(out.at(-1)).length + 1;
  }
  return Buffer.from(JSON.stringify(out));
}

/** Median milliseconds of `fn` over `times` calls (after two warm-up calls). */
function time(fn, times) {
  fn();
  fn();
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export async function run(ctx) {
  const { findJsonBudgetViolation, DEFAULT_JSON_BUDGET } = ctx.requireDist('gateway', 'libs/platform/src/http/json-budget.js');
  const times = ctx.options.quick ? 5 : 25;
  const bodies = { batch: bodyOf(1_000), import: bodyOf(0, 10 * 1024 * 1024) };
  for (const [label, body] of Object.entries(bodies)) {
    if (findJsonBudgetViolation(body, DEFAULT_JSON_BUDGET)) throw new Error(`the ${label} body is over the default budget`);
  }
  const parse = (body) => () => JSON.parse(body.toString('utf8'));
  const scanThenParse = (body) => () => findJsonBudgetViolation(body, DEFAULT_JSON_BUDGET) ?? JSON.parse(body.toString('utf8'));
  const { rows } = await ctx.compare({
    baseline: { label: 'JSON.parse', measure: async () => ({ batch: time(parse(bodies.batch), times), import: time(parse(bodies.import), times) }) },
    subject: { label: 'scan + JSON.parse', measure: async () => ({ batch: time(scanThenParse(bodies.batch), times), import: time(scanThenParse(bodies.import), times) }) },
    metrics: [
      { key: 'batch', metric: `1,000-record batch (${(bodies.batch.length / 1024 / 1024).toFixed(1)} MiB)`, unit: 'ms', better: 'lower' },
      { key: 'import', metric: `10 MiB import (${(bodies.import.length / 1024 / 1024).toFixed(1)} MiB)`, unit: 'ms', better: 'lower' },
    ],
  });
  const scanOnly = (body) => time(() => findJsonBudgetViolation(body, DEFAULT_JSON_BUDGET), times).toFixed(1);
  const deep = Buffer.from('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
  return {
    baseline: 'JSON.parse of the body (what a service already does)',
    subject: 'findJsonBudgetViolation over the bytes, then JSON.parse (what a service does now)',
    rows,
    notes: [
      `Scan alone (the gateway's added cost per forwarded JSON body; it parses nothing): batch ${scanOnly(bodies.batch)} ms, import ${scanOnly(bodies.import)} ms (median of ${times}).`,
      `A 5,000-level nesting (${deep.length} bytes) is refused after ${time(() => findJsonBudgetViolation(deep, DEFAULT_JSON_BUDGET), times).toFixed(3)} ms (it stops at depth ${DEFAULT_JSON_BUDGET.maxDepth + 1}).`,
    ],
  };
}
