// payment-callback: what the hub's callback path costs. Subject: signed result callbacks of the national payment
// platform posted through the gateway (public route, rate limiter on with a limit never reached) to the payment
// service, which logs each raw, verifies its checksum, locks the payment and settles it (a replayed success: the
// same outcome twice, so every request does the full path and changes nothing). Baseline, in the same run: the
// same signature check (SHA-256 + constant-time compare) and one INSERT of the raw body, done directly with a pg
// pool of the same concurrency.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { benchPool } from '../lib/db.mjs';

export const name = 'payment-callback';
export const description =
  'Callbacks/s: signed national-payment-platform callbacks through the gateway to the payment service (raw log, checksum, row lock, state machine) ' +
  'vs the same checksum check plus one INSERT done directly on PostgreSQL with the same concurrency.';

const CALLBACK_FIELDS = ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich'];
const sign = (m, secret) => createHash('sha256').update([...CALLBACK_FIELDS.map((f) => String(m[f] ?? '')), secret].join('|')).digest('hex');
const platformTime = (at = new Date()) => new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);

export async function run(ctx) {
  const partnerCode = 'BENCH_PARTNER';
  const secret = `bench-secret-${ctx.randomSuffix()}`;
  const hub = await ctx.startHub({
    apps: ['gateway', 'payment'],
    env: {
      gateway: { RATE_LIMIT_PUBLIC: '1000000000', RATE_LIMIT_KEY_PREFIX: `hub:bench:${process.pid}:${Date.now()}:` },
      // No provider call happens on a replayed success; the URL only makes the provider configured.
      payment: {
        PAYMENT_PLATFORM_URL: 'http://127.0.0.1:9/api',
        PAYMENT_PLATFORM_PARTNER_CODE: partnerCode,
        PAYMENT_PLATFORM_SECRET: secret,
        PAYMENT_EXPIRY_JOB_INTERVAL_MS: '0',
        REFUND_DISPATCH_INTERVAL_MS: '0',
        DAILY_RECONCILE_INTERVAL_MS: '0',
      },
    },
  });

  const requestId = randomUUID();
  const paymentId = randomUUID();
  const reference = `hub${paymentId.replaceAll('-', '')}`;
  await ctx.withPg(hub.databases.payment, async (c) => {
    await c.query(
      `INSERT INTO payment_request (request_id, dossier_code, origin_key, origin, receiving_agency_code, procedure_code, amount, fees, state, created_at, updated_at)
       VALUES ($1, '000.00.15.H31-260316-0007', 'intake', 'INTAKE', '000.00.15.H31', '1.001234', 200000, '[]', 'PAID', now(), now())`,
      [requestId],
    );
    await c.query(
      `INSERT INTO payment (payment_id, request_id, dossier_code, receiving_agency_code, provider, reference, amount, state, return_url, expires_at,
                            transaction_id, receipt_number, created_at, updated_at, settled_at)
       VALUES ($1, $2, '000.00.15.H31-260316-0007', '000.00.15.H31', 'sandbox', $3, 200000, 'SUCCEEDED', 'https://x.vn', now(), 'TX-BENCH', 'BL-1', now(), now(), now())`,
      [paymentId, requestId, reference],
    );
  });
  const message = {
    LoaiBanTin: 'PAY', MaLoi: '00', MaDoiTac: partnerCode, MaThamChieu: reference, SoTien: '200000', MaTienTe: 'VND',
    MaGiaoDich: 'TX-BENCH', MaNganHang: 'VCB', ThoiGianGD: platformTime(), ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.15.H31-260316-0007',
  };
  const body = JSON.stringify({ ...message, MaXacThuc: sign(message, secret) });
  const url = `${hub.url}/v1/payment-callbacks/sandbox`;
  const first = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = await first.json();
  if (first.status !== 200 || answer.MaLoi !== '00') throw new Error(`sanity check: ${first.status} ${JSON.stringify(answer)}`);
  ctx.log(`a replayed success answers 200 MaLoi 00 (signed reply ${String(answer.MaXacThuc).slice(0, 8)}…)`);

  // The baseline's table and pool.
  const db = await ctx.createDatabase('callback');
  const pool = benchPool(db.url, ctx.options.connections);
  ctx.defer('close the baseline pool', () => pool.end());
  await pool.query('CREATE TABLE callback_log (id bigserial PRIMARY KEY, received_at timestamptz NOT NULL, raw text NOT NULL)');

  const { connections, durationSec, warmupSec } = ctx.options;
  const direct = async (seconds) => {
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        const m = JSON.parse(body);
        const expected = Buffer.from(sign(m, secret));
        const given = Buffer.from(String(m.MaXacThuc));
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new Error('baseline: checksum mismatch');
        await pool.query('INSERT INTO callback_log (received_at, raw) VALUES (now(), $1)', [body]);
        done++;
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return done / seconds;
  };
  const cpuPids = { gateway: hub.pidOf('gateway'), payment: hub.pidOf('payment'), loadgen: process.pid };
  const cmp = await ctx.compare({
    baseline: {
      label: 'checksum + INSERT, direct',
      measure: async () => {
        await direct(warmupSec);
        return { rps: await direct(durationSec) };
      },
    },
    subject: {
      label: 'callback via gateway',
      measure: () => ctx.load({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, durationSec, warmupSec, cpuPids }),
    },
    metrics: [{ key: 'rps', metric: `callbacks/s, ${connections} concurrent`, unit: 'req/s', better: 'higher' }],
  });
  const failures = cmp.samples.subject.reduce((n, s) => n + s.non2xx + s.errors + s.timeouts, 0);
  if (failures > 0) ctx.warn(`${failures} callbacks answered other than 2xx (or failed, or timed out)`);
  await hub.stop();
  return {
    baseline: 'signature check + one INSERT, directly on PostgreSQL',
    subject: 'signed callback through the gateway to the payment service',
    rows: cmp.rows,
    notes: [
      'Each subject request: gateway (public route, rate limiter, proxy) → payment service: INSERT raw into the callback log (own transaction), checksum and time window, ' +
        'read the payment, lock it (FOR UPDATE) and run the state machine (a replayed success: DUPLICATE, nothing changes), record the outcome, sign the reply. ' +
        'Four short transactions per callback against one in the baseline.',
      failures === 0 ? 'Every subject response was a 200.' : `**${failures} non-2xx responses, errors or timeouts** in the measured runs.`,
    ],
  };
}
