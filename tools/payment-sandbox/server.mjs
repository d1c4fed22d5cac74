// The payment sandbox: a small simulator of the national payment platform for development and tests. It speaks the
// platform's format (INIT, QUERY, GET_BILL, REFUND, result callbacks, the daily settlement statement as CSV) and
// serves a plain HTML payment page (pay / fail / let it expire). State lives in memory.
//   SANDBOX_PORT (default 3005), SANDBOX_HOST (127.0.0.1), SANDBOX_PARTNER_CODE, SANDBOX_SECRET,
//   SANDBOX_CALLBACK_URL (the hub's POST /v1/payment-callbacks/sandbox), SANDBOX_PUBLIC_URL (page links).
import { createServer } from 'node:http';
import { checksum, checksumOk, INIT_FIELDS, platformTime, QUERY_FIELDS, REFUND_FIELDS, REPLY_FIELDS, signedCallback, VERSION, vietnamDay } from './platform-format.mjs';

const port = Number(process.env.SANDBOX_PORT ?? 3005);
const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
const partnerCode = process.env.SANDBOX_PARTNER_CODE ?? 'HUB_SANDBOX';
const secret = process.env.SANDBOX_SECRET ?? 'sandbox-secret-change-me';
let callbackUrl = process.env.SANDBOX_CALLBACK_URL ?? 'http://127.0.0.1:3000/v1/payment-callbacks/sandbox';
const publicUrl = () => process.env.SANDBOX_PUBLIC_URL ?? `http://${host}:${server.address().port}`;
const MAX_BODY = 256 * 1024;

/** reference → { reference, amount, info, returnUrl, status: PENDING|PAID|FAILED|EXPIRED, transactionId, paidAt, receipt, refunds[], statementAmount } */
const txns = new Map();
let counter = 0;
const log = (msg) => console.log(`[sandbox] ${msg}`);

function reply(res, status, body, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Sends a result callback to the hub; retries network errors a few times; remembers the hub's answer. */
async function sendCallback(txn, fields) {
  const body = signedCallback({ partnerCode, ...fields }, secret);
  txn.lastCallback = body;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      const answer = await res.json().catch(() => ({}));
      const signed = answer.MaXacThuc && checksumOk(answer, REPLY_FIELDS, secret);
      txn.lastAnswer = { status: res.status, ...answer, signatureValid: !!signed };
      log(`callback ${fields.reference} ${fields.code} → ${res.status} ${answer.MaLoi ?? ''} ${signed ? '(signed)' : '(UNSIGNED)'}`);
      return txn.lastAnswer;
    } catch (e) {
      log(`callback ${fields.reference} attempt ${attempt} failed: ${e.message}`);
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
  return undefined;
}

function settle(txn, outcome) {
  if (outcome === 'pay') {
    txn.status = 'PAID';
    txn.transactionId = `SBX${Date.now()}${++counter}`;
    txn.paidAt = new Date();
    txn.receipt = `BL-SBX-${String(counter).padStart(8, '0')}`;
    return sendCallback(txn, { code: '00', reference: txn.reference, amount: txn.amount, transactionId: txn.transactionId, info: txn.info });
  }
  if (outcome === 'fail') {
    txn.status = 'FAILED';
    txn.transactionId = `SBX${Date.now()}${++counter}`;
    return sendCallback(txn, { code: '24', reference: txn.reference, amount: txn.amount, transactionId: txn.transactionId, info: txn.info });
  }
  txn.status = 'EXPIRED';
  return Promise.resolve(undefined);
}

function answer(message, fields) {
  const m = { ...fields, MaDoiTac: partnerCode, MaThamChieu: message.MaThamChieu ?? '', ThoiGianGD: platformTime() };
  m.MaXacThuc = checksum(m, REPLY_FIELDS, secret);
  return m;
}

function handleMessage(m, res) {
  const type = m.LoaiBanTin;
  const fields = type === 'INIT' ? INIT_FIELDS : type === 'REFUND' ? REFUND_FIELDS : QUERY_FIELDS;
  if (m.MaDoiTac !== partnerCode || m.PhienBan !== VERSION || !checksumOk(m, fields, secret)) return reply(res, 200, answer(m, { MaLoi: '01', MoTaLoi: 'Sai mã đối tác, phiên bản hoặc mã xác thực' }));
  const txn = txns.get(m.MaThamChieu);
  switch (type) {
    case 'INIT': {
      if (txn) return reply(res, 200, answer(m, { MaLoi: '05', MoTaLoi: 'Mã tham chiếu đã tồn tại' }));
      if (!/^\d{1,13}$/.test(String(m.SoTien)) || m.MaTienTe !== 'VND') return reply(res, 200, answer(m, { MaLoi: '04', MoTaLoi: 'Số tiền không hợp lệ' }));
      txns.set(m.MaThamChieu, { reference: m.MaThamChieu, amount: Number(m.SoTien), info: m.ThongTinGiaoDich ?? '', returnUrl: m.UrlTraVe, receiptData: m.ThongTinBienLai, status: 'PENDING', refunds: [] });
      return reply(res, 200, answer(m, { MaLoi: '00', MoTaLoi: 'Thành công', UrlThanhToan: `${publicUrl()}/pay/${encodeURIComponent(m.MaThamChieu)}` }));
    }
    case 'QUERY':
      if (!txn) return reply(res, 200, answer(m, { MaLoi: '02', MoTaLoi: 'Không tìm thấy giao dịch' }));
      return reply(res, 200, answer(m, { MaLoi: '00', MoTaLoi: 'Thành công', TrangThai: txn.status, SoTien: String(txn.amount), MaGiaoDich: txn.transactionId ?? '', MaNganHang: 'SANDBOXBANK', MaLoiGiaoDich: txn.status === 'FAILED' ? '24' : '' }));
    case 'GET_BILL':
      if (!txn || txn.status !== 'PAID') return reply(res, 200, answer(m, { MaLoi: '03', MoTaLoi: 'Chưa có biên lai' }));
      return reply(res, 200, answer(m, { MaLoi: '00', MoTaLoi: 'Thành công', SoBienLai: txn.receipt, TaiKhoanThuHuong: txn.receiptData?.TaiKhoanThuHuong ?? '' }));
    case 'REFUND': {
      const original = txns.get(m.MaThamChieuGoc);
      const amount = Number(m.SoTien);
      if (!original || original.status !== 'PAID') return reply(res, 200, answer(m, { MaLoi: '02', MoTaLoi: 'Giao dịch gốc không hợp lệ' }));
      const existing = original.refunds.find((r) => r.reference === m.MaThamChieu);
      if (existing) return reply(res, 200, answer(m, { MaLoi: '00', MoTaLoi: 'Đã tiếp nhận' }));
      const refunded = original.refunds.reduce((s, r) => s + r.amount, 0);
      if (!Number.isSafeInteger(amount) || amount <= 0 || refunded + amount > original.amount) return reply(res, 200, answer(m, { MaLoi: '04', MoTaLoi: 'Số tiền hoàn không hợp lệ' }));
      const refund = { reference: m.MaThamChieu, amount, at: new Date(), transactionId: `SBXRF${++counter}` };
      original.refunds.push(refund);
      setTimeout(() => void sendCallback(original, { type: 'REFUND', code: '00', reference: refund.reference, amount, transactionId: refund.transactionId, info: `HOAN TIEN ${original.reference}` }), 300);
      return reply(res, 200, answer(m, { MaLoi: '00', MoTaLoi: 'Đã tiếp nhận' }));
    }
    case 'SETTLEMENT':
      return reply(res, 200, statement(m.MaThamChieu), 'text/csv; charset=utf-8');
    default:
      return reply(res, 200, answer(m, { MaLoi: '06', MoTaLoi: `Loại bản tin không hỗ trợ: ${type}` }));
  }
}

/** The settlement statement of a day (yyyyMMdd): every payment paid and every refund made that day. */
function statement(day) {
  const date = `${String(day).slice(0, 4)}-${String(day).slice(4, 6)}-${String(day).slice(6, 8)}`;
  const lines = ['MaThamChieu,MaGiaoDich,SoTien,TrangThai,ThoiGianGD'];
  for (const t of txns.values()) {
    if (t.status === 'PAID' && vietnamDay(t.paidAt) === date) lines.push([t.reference, t.transactionId, t.statementAmount ?? t.amount, 'PAID', platformTime(t.paidAt)].join(','));
    const refunds = t.refunds.filter((r) => vietnamDay(r.at) === date);
    if (refunds.length > 0) lines.push([t.reference, refunds.at(-1).transactionId, t.refunds.reduce((s, r) => s + r.amount, 0), 'REFUNDED', platformTime(refunds.at(-1).at)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function payPage(txn) {
  const done = txn.status !== 'PENDING';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sandbox – Thanh toán</title></head><body>
<h1>Cổng thanh toán thử nghiệm (sandbox)</h1>
<p>Mã tham chiếu: <code>${esc(txn.reference)}</code></p>
<p>Nội dung: ${esc(txn.info)}</p>
<p>Số tiền: <strong>${esc(txn.amount.toLocaleString('vi-VN'))} VND</strong></p>
<p>Trạng thái: <strong id="status">${esc(txn.status)}</strong></p>
${done ? '' : `<form method="post"><button name="action" value="pay">Thanh toán (pay)</button> <button name="action" value="fail">Thất bại (fail)</button> <button name="action" value="expire">Để hết hạn (let it expire)</button></form>`}
${txn.returnUrl ? `<p><a href="${esc(txn.returnUrl)}">Quay lại cổng dịch vụ công</a></p>` : ''}
</body></html>`;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://sandbox');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/health') return reply(res, 200, { status: 'ok', payments: txns.size });
    // Development only: where callbacks go, when the hub's address is known after the sandbox started.
    if (req.method === 'POST' && path === '/config') {
      const body = JSON.parse((await readBody(req)) || '{}');
      if (typeof body.callbackUrl === 'string' && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(body.callbackUrl)) callbackUrl = body.callbackUrl;
      return reply(res, 200, { callbackUrl });
    }
    if (req.method === 'POST' && path === '/api') {
      let m;
      try {
        m = JSON.parse(await readBody(req));
      } catch {
        return reply(res, 400, { MaLoi: '99', MoTaLoi: 'Bản tin không hợp lệ' });
      }
      return handleMessage(m ?? {}, res);
    }
    const pay = /^\/pay\/([^/]+)$/.exec(path);
    if (pay) {
      const txn = txns.get(decodeURIComponent(pay[1]));
      if (!txn) return reply(res, 404, '<p>Không tìm thấy giao dịch</p>', 'text/html; charset=utf-8');
      if (req.method === 'GET') return reply(res, 200, payPage(txn), 'text/html; charset=utf-8');
      const action = new URLSearchParams(await readBody(req)).get('action');
      if (txn.status === 'PENDING' && ['pay', 'fail', 'expire'].includes(action)) await settle(txn, action);
      res.writeHead(303, { location: txn.returnUrl && action !== 'expire' ? txn.returnUrl : `/pay/${encodeURIComponent(txn.reference)}` });
      return res.end();
    }
    // Test controls (development only): drive a payment without a browser, replay, inject statement mismatches.
    const control = /^\/control\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
    if (control) {
      const txn = txns.get(decodeURIComponent(control[1]));
      if (!txn) return reply(res, 404, { error: 'unknown reference' });
      const action = control[2];
      if (req.method === 'GET' && !action) return reply(res, 200, { ...txn, receiptData: undefined });
      if (req.method !== 'POST') return reply(res, 405, { error: 'POST' });
      if (['pay', 'fail', 'expire'].includes(action)) {
        if (txn.status !== 'PENDING') return reply(res, 409, { error: `already ${txn.status}` });
        return reply(res, 200, { status: txn.status, answer: await settle(txn, action) ?? null });
      }
      if (action === 'late-pay') {
        // The citizen's bank paid after all: the money is real even though the payment had expired.
        return reply(res, 200, { answer: await settle(txn, 'pay') ?? null });
      }
      if (action === 'resend') {
        if (!txn.lastCallback) return reply(res, 409, { error: 'no callback sent yet' });
        const r = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(txn.lastCallback) });
        return reply(res, 200, { status: r.status, answer: await r.json().catch(() => null) });
      }
      if (action === 'statement-amount') {
        const body = JSON.parse((await readBody(req)) || '{}');
        txn.statementAmount = body.amount;
        return reply(res, 200, { reference: txn.reference, statementAmount: txn.statementAmount });
      }
      return reply(res, 404, { error: 'unknown control' });
    }
    return reply(res, 404, { error: 'not found' });
  } catch (e) {
    return reply(res, 500, { error: e.message });
  }
});

server.listen(port, host, () => log(`payment sandbox on http://${host}:${server.address().port} (partner ${partnerCode}; callbacks to ${callbackUrl})`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
// Stop with the parent (npm start, a test) even if it dies without a signal.
if (process.send) process.on('disconnect', () => process.exit(0));
