import { randomUUID } from 'node:crypto';
import { DossierStatus, DossierStatusChanged, type DossierStatusChangedV1 } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { newTrace } from '@hub/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { PaymentConfig } from '../src/config/payment.config';
import { PAYMENT_SERVICE, PaymentAppModule } from '../src/payment-app.module';
import { OpenPaymentRequestUseCase } from '../src/payment-request/usecases/open-request/open-request.usecase';
import { ExpirePaymentsUseCase } from '../src/payment/usecases/expire-payments/expire-payments.usecase';
import { PaymentRepository } from '../src/payment/payment.repository';
import { CALLBACK_FIELDS, formatPlatformTime, platformChecksum } from '../src/provider/national-platform/platform-checksum';
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process';

/**
 * Payments against real PostgreSQL and Kafka, with the payment sandbox as a real process answering INIT/QUERY/GET_BILL.
 * Callbacks are posted the way the platform posts them, signed with the partner secret.
 */
describe('payments: requests, callbacks, expiry, refunds, reconciliation (real PostgreSQL, Kafka and sandbox)', () => {
  let service: ServiceUnderTest<PaymentConfig>;
  let sandbox: SandboxProcess;
  let db: DataSource;
  const agency = '000.00.15.H31';
  let seq = 0;

  beforeAll(async () => {
    sandbox = await startSandboxProcess({ callbackUrl: 'http://127.0.0.1:9/unused' });
    service = await startServiceUnderTest({
      service: PAYMENT_SERVICE,
      configClass: PaymentConfig,
      module: PaymentAppModule.forRoot,
      env: {
        PAYMENT_PLATFORM_URL: `${sandbox.url}/api`,
        PAYMENT_PLATFORM_PARTNER_CODE: sandbox.partnerCode,
        PAYMENT_PLATFORM_SECRET: sandbox.secret,
        PAYMENT_EXPIRY_JOB_INTERVAL_MS: '0',
        REFUND_DISPATCH_INTERVAL_MS: '0',
        DAILY_RECONCILE_INTERVAL_MS: '0',
        // The shared test machine is slow at times: the sandbox's answer is not what is measured here.
        PROVIDER_TIMEOUT_MS: '20000',
      },
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    db = service.app.get(DataSource);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await sandbox?.stop();
  });

  const portal = () => ({ 'x-hub-identity': service.identity({ kind: 'portal', roles: ['payment:create', 'payment:read'] }) });
  const operator = () => ({ 'x-hub-identity': service.identity({ kind: 'operator', roles: ['payment:refund', 'payment:reconcile', 'payment:read'] }) });

  /** A dossier entering status 6 with fee lines, through the consumer's use case in one real transaction. */
  async function dossierWithRequest(amounts: number[] = [50_000, 150_000]): Promise<{ dossierCode: string; requestId: string; amount: number }> {
    const dossierCode = `${agency}-2603${String(16 + (seq % 10)).padStart(2, '0')}-${String(1000 + ++seq)}${Math.floor(Math.random() * 9)}`;
    const event: DossierStatusChangedV1 = {
      ...DossierStatusChanged.example,
      dossierCode,
      receivingAgencyCode: agency,
      from: DossierStatus.Processing,
      to: DossierStatus.FeeRequested,
      revision: 5,
      timeliness: null,
      finishedAt: null,
      fees: amounts.map((amount, i) => ({ code: i === 0 ? 'LP01' : `P0${i}`, name: `Phí ${i}`, amount })),
    };
    await db.query(
      `INSERT INTO fee_assessment (dossier_code, procedure_code, procedure_version, receiving_agency_code, channel, status, lines, total_amount, assessed_at, updated_at)
       VALUES ($1, '1.001234', 1, $2, 'COUNTER', 'ASSESSED', '[]', 0, now(), now())`,
      [dossierCode, agency],
    );
    await db.transaction((tx) => service.app.get(OpenPaymentRequestUseCase).fromStatusChange(tx, event));
    const [row] = await db.query(`SELECT request_id, amount FROM payment_request WHERE dossier_code = $1 AND state = 'OPEN'`, [dossierCode]);
    return { dossierCode, requestId: row.request_id, amount: Number(row.amount) };
  }

  const create = (dossierCode: string, requestId: string) =>
    service.app.inject({ method: 'POST', url: '/v1/payments', headers: portal(), payload: { dossierCode, requestId, provider: 'sandbox', returnUrl: 'https://dichvucong.gov.vn/ket-qua' } });

  function callback(reference: string, amount: number | string, over: Record<string, unknown> = {}, secret = sandbox.secret): Record<string, unknown> {
    const m: Record<string, unknown> = {
      LoaiBanTin: 'PAY',
      MaLoi: '00',
      MaDoiTac: sandbox.partnerCode,
      MaThamChieu: reference,
      SoTien: amount,
      MaTienTe: 'VND',
      MaGiaoDich: `TX-${reference.slice(-8)}`,
      MaNganHang: 'VCB',
      ThoiGianGD: formatPlatformTime(new Date()),
      ThongTinGiaoDich: 'THANH TOAN',
      ...over,
    };
    m.MaXacThuc = platformChecksum(m, CALLBACK_FIELDS, secret);
    return m;
  }
  const postCallback = (body: object, provider = 'sandbox', headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'POST', url: `/v1/payment-callbacks/${provider}`, payload: body, headers });

  const events = async (topic: string, paymentId: string): Promise<number> =>
    Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE topic = $1 AND payload->>'paymentId' = $2`, [topic, paymentId]))[0].n);
  const paymentRow = async (paymentId: string) => (await db.query(`SELECT * FROM payment WHERE payment_id = $1`, [paymentId]))[0];

  async function pendingPayment(amounts?: number[]) {
    const d = await dossierWithRequest(amounts);
    const res = await create(d.dossierCode, d.requestId);
    expect(res.statusCode).toBe(201);
    return { ...d, ...(res.json() as { paymentId: string; reference: string; paymentUrl: string }) };
  }

  it('opens a request for the unpaid fees of status 6 and lists it beside the payments', async () => {
    const d = await dossierWithRequest([50_000, 150_000]);
    expect(d.amount).toBe(200_000);
    const res = await create(d.dossierCode, d.requestId);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ requestId: d.requestId, amount: 200_000, currency: 'VND', state: 'PENDING', provider: 'sandbox' });
    expect(body.paymentUrl).toBe(`${sandbox.url}/pay/${body.reference}`);
    expect(body.reference.length).toBeLessThanOrEqual(50);
  });

  it('lets one payment of a request be in flight: a second gets 409 naming the first, two at once get one 201 and one 409', async () => {
    const d = await dossierWithRequest();
    const [a, b] = await Promise.all([create(d.dossierCode, d.requestId), create(d.dossierCode, d.requestId)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([201, 409]);
    const [won, lost] = a.statusCode === 201 ? [a, b] : [b, a];
    expect(lost.json()).toMatchObject({ code: 'PAYMENT_IN_FLIGHT', paymentId: won.json().paymentId });
    const again = await create(d.dossierCode, d.requestId);
    expect(again.json()).toMatchObject({ code: 'PAYMENT_IN_FLIGHT', paymentId: won.json().paymentId });
  });

  it('refuses a request of another dossier, an unknown provider, and unknown fields', async () => {
    const d = await dossierWithRequest();
    const other = await create(`${agency}-260101-9999`, d.requestId);
    expect(other.statusCode).toBe(404);
    const unknown = await service.app.inject({ method: 'POST', url: '/v1/payments', headers: portal(), payload: { dossierCode: d.dossierCode, requestId: d.requestId, provider: 'nope', returnUrl: 'https://x.vn' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('UNKNOWN_PROVIDER');
    const extra = await service.app.inject({ method: 'POST', url: '/v1/payments', headers: portal(), payload: { dossierCode: d.dossierCode, requestId: d.requestId, provider: 'sandbox', returnUrl: 'https://x.vn', amount: 1 } });
    expect(extra.statusCode).toBe(400);
  });

  it('settles 50 concurrent duplicate success callbacks once', async () => {
    const p = await pendingPayment();
    const body = callback(p.reference, String(p.amount));
    const answers = await Promise.all(Array.from({ length: 50 }, () => postCallback(body)));
    for (const a of answers) {
      expect(a.statusCode).toBe(200);
      expect(a.json()).toMatchObject({ MaLoi: '00', MaThamChieu: p.reference });
      expect(a.json().MaXacThuc).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await events('payment.succeeded.v1', p.paymentId)).toBe(1);
    const row = await paymentRow(p.paymentId);
    expect(row).toMatchObject({ state: 'SUCCEEDED', transaction_id: body.MaGiaoDich });
    expect(row.receipt_number).toMatch(/\S/);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM payment_callback_log WHERE reference = $1`, [p.reference]);
    expect(Number(n)).toBe(50);
    const list = await service.app.inject({ method: 'GET', url: `/v1/payments?dossierCode=${p.dossierCode}`, headers: portal() });
    expect(list.statusCode).toBe(200);
    expect(list.json().requests).toEqual([expect.objectContaining({ requestId: p.requestId, state: 'PAID', amount: p.amount, origin: 'STATUS_6' })]);
    expect(list.json().payments).toEqual([
      expect.objectContaining({ paymentId: p.paymentId, state: 'SUCCEEDED', amount: p.amount, reference: p.reference, receiptNumber: row.receipt_number, refundedAmount: 0 }),
    ]);
    const otherAgency = await service.app.inject({
      method: 'GET',
      url: `/v1/payments?dossierCode=${p.dossierCode}`,
      headers: { 'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: ['000.00.00.H01'], roles: ['payment:read'] }) },
    });
    expect(otherAgency.statusCode).toBe(404);
  });

  it('answers forged callbacks 99 and changes nothing; an amount mismatch stays PENDING and is flagged', async () => {
    const p = await pendingPayment();
    const forged = await postCallback(callback(p.reference, p.amount, {}, 'wrong-secret'));
    expect(forged.json().MaLoi).toBe('99');
    const partner = await postCallback(callback(p.reference, p.amount, { MaDoiTac: 'SOMEONE_ELSE' }));
    expect(partner.json().MaLoi).toBe('99');
    const unknownRef = await postCallback(callback('hubdoesnotexist', p.amount));
    expect(unknownRef.json().MaLoi).toBe('99');
    const stale = await postCallback(callback(p.reference, p.amount, { ThoiGianGD: '20200101000000' }));
    expect(stale.json().MaLoi).toBe('99');
    // Not a configured provider: refused as a problem, and not recorded (the outcomes below have no entry for it).
    const provider = await postCallback(callback(p.reference, p.amount), 'unknown-bank');
    expect(provider.statusCode).toBe(422);
    expect(provider.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(provider.json().code).toBe('UNKNOWN_PROVIDER');
    expect((await paymentRow(p.paymentId)).state).toBe('PENDING');

    const less = await postCallback(callback(p.reference, p.amount - 1));
    expect(less.json().MaLoi).toBe('99');
    const usd = await postCallback(callback(p.reference, p.amount, { MaTienTe: 'USD' }));
    expect(usd.json().MaLoi).toBe('99');
    expect(await paymentRow(p.paymentId)).toMatchObject({ state: 'PENDING', review_reason: 'AMOUNT_MISMATCH' });
    expect(await events('payment.succeeded.v1', p.paymentId)).toBe(0);
    const outcomes = await db.query(`SELECT outcome FROM payment_callback_log WHERE reference = $1 ORDER BY id`, [p.reference]);
    expect(outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['FORGED', 'FORGED', 'FORGED', 'AMOUNT_MISMATCH', 'AMOUNT_MISMATCH']);
  });

  it("keeps a success (announced under the callback's correlation id) when a failure arrives after it, and records the conflict", async () => {
    const p = await pendingPayment();
    const correlationId = `callback-${randomUUID()}`;
    expect((await postCallback(callback(p.reference, p.amount), 'sandbox', { 'x-correlation-id': correlationId })).json().MaLoi).toBe('00');
    const [succeeded] = await db.query(`SELECT headers->>'correlation-id' AS "correlationId" FROM outbox WHERE topic = 'payment.succeeded.v1' AND payload->>'paymentId' = $1`, [p.paymentId]);
    expect(succeeded.correlationId).toBe(correlationId);
    const late = await postCallback(callback(p.reference, p.amount, { MaLoi: '24', MaGiaoDich: 'TX-OTHER' }));
    expect(late.json().MaLoi).toBe('00');
    expect(await paymentRow(p.paymentId)).toMatchObject({ state: 'SUCCEEDED', review_reason: 'CONFLICTING_CALLBACK' });
    expect(await events('payment.failed.v1', p.paymentId)).toBe(0);
  });

  it('settles a callback racing the expiry job once, whichever wins', async () => {
    const p = await pendingPayment();
    await db.query(`UPDATE payment SET expires_at = now() - interval '1 minute' WHERE payment_id = $1`, [p.paymentId]);
    const expire = service.app.get(ExpirePaymentsUseCase);
    const candidate = await db.transaction((tx) => service.app.get(PaymentRepository).find(tx, p.paymentId));
    const [, answer] = await Promise.all([expire.expireOne(candidate!, new Date(), newTrace()), postCallback(callback(p.reference, p.amount))]);
    expect(answer.json().MaLoi).toBe('00');
    const row = await paymentRow(p.paymentId);
    expect(row.state).toBe('SUCCEEDED');
    expect(await events('payment.succeeded.v1', p.paymentId)).toBe(1);
    expect(await events('payment.expired.v1', p.paymentId)).toBeLessThanOrEqual(1);
    if ((await events('payment.expired.v1', p.paymentId)) === 1) expect(row.review_reason).toBe('LATE_SUCCESS');
  });

  it('expires after asking the provider, then takes a late success as real money flagged for review', async () => {
    const p = await pendingPayment();
    await db.query(`UPDATE payment SET expires_at = now() - interval '1 minute' WHERE payment_id = $1`, [p.paymentId]);
    const counts = await service.app.get(ExpirePaymentsUseCase).execute(new Date());
    expect(counts.APPLIED).toBeGreaterThanOrEqual(1);
    expect((await paymentRow(p.paymentId)).state).toBe('EXPIRED');
    expect(await events('payment.expired.v1', p.paymentId)).toBe(1);

    // The request is paid by a second payment meanwhile; then the first one's money arrives late.
    const second = (await create(p.dossierCode, p.requestId)).json();
    expect((await postCallback(callback(second.reference, p.amount))).json().MaLoi).toBe('00');
    expect((await postCallback(callback(p.reference, p.amount))).json().MaLoi).toBe('00');
    expect(await paymentRow(p.paymentId)).toMatchObject({ state: 'SUCCEEDED', review_reason: 'LATE_SUCCESS_REQUEST_ALREADY_PAID' });
    const [proposed] = await db.query(`SELECT state, amount FROM refund WHERE payment_id = $1`, [p.paymentId]);
    expect(proposed).toMatchObject({ state: 'PROPOSED', amount: String(p.amount) });
  });

  it('lets one of two racing refunds through when both would exceed what was paid; keys make retries safe', async () => {
    const p = await pendingPayment([100_000]);
    expect((await postCallback(callback(p.reference, p.amount))).json().MaLoi).toBe('00');
    const refund = (key: string, amount: number, reason = 'Hồ sơ bị từ chối') =>
      service.app.inject({ method: 'POST', url: `/v1/payments/${p.paymentId}/refunds`, headers: { ...operator(), 'idempotency-key': key }, payload: { amount, reason } });
    const [a, b] = await Promise.all([refund('k1', 60_000), refund('k2', 60_000)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 422]);
    const refused = a.statusCode === 422 ? a : b;
    expect(refused.json()).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', refundable: 40_000 });
    const accepted = a.statusCode === 202 ? a : b;
    const key = accepted === a ? 'k1' : 'k2';
    const retry = await refund(key, 60_000);
    expect(retry.statusCode).toBe(202);
    expect(retry.json().refundId).toBe(accepted.json().refundId);
    expect((await refund(key, 50_000)).json().code).toBe('REFUND_IDEMPOTENCY_KEY_REUSED');
    expect((await refund('k3', -5)).statusCode).toBe(400);
    expect((await refund('k4', 1.5)).statusCode).toBe(400);
    expect(await paymentRow(p.paymentId)).toMatchObject({ state: 'REFUND_PENDING', refunded_amount: '0' });

    // The provider's refund result completes it (a refund callback names the refund's own reference).
    const [{ reference }] = await db.query(`SELECT reference FROM refund WHERE refund_id = $1`, [accepted.json().refundId]);
    const done = await postCallback(callback(reference, 60_000, { LoaiBanTin: 'REFUND', MaGiaoDich: 'RF-1' }));
    expect(done.json().MaLoi).toBe('00');
    expect((await postCallback(callback(reference, 60_000, { LoaiBanTin: 'REFUND', MaGiaoDich: 'RF-1' }))).json().MaLoi).toBe('00');
    expect(await paymentRow(p.paymentId)).toMatchObject({ state: 'SUCCEEDED', refunded_amount: '60000' });
    expect(await events('payment.refunded.v1', p.paymentId)).toBe(1);
  });

  it('reconciles an uploaded statement: matched lines, an injected mismatch, a line missing at the hub; a broken line stores nothing', async () => {
    const p = await pendingPayment([70_000]);
    await postCallback(callback(p.reference, p.amount));
    const q = await pendingPayment([30_000]);
    await postCallback(callback(q.reference, q.amount));
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const csv = ['MaThamChieu,MaGiaoDich,SoTien,TrangThai,ThoiGianGD', `${p.reference},T1,70000,PAID,20260316103000`, `${q.reference},T2,29000,PAID,20260316103000`, 'hubunknownref,T3,5000,PAID,20260316103000'].join('\n');
    const res = await service.app.inject({ method: 'POST', url: '/v1/reconciliations', headers: operator(), payload: { provider: 'sandbox', date: today, statement: csv } });
    expect(res.statusCode).toBe(201);
    const rec = res.json();
    expect(rec.source).toBe('UPLOAD');
    const kinds = rec.exceptions.filter((e: { reference: string }) => [p.reference, q.reference, 'hubunknownref'].includes(e.reference)).map((e: { kind: string; reference: string }) => [e.kind, e.reference]);
    expect(kinds).toEqual([
      ['AMOUNT_MISMATCH', q.reference],
      ['MISSING_AT_HUB', 'hubunknownref'],
    ]);
    const ex = rec.exceptions.find((e: { reference: string }) => e.reference === q.reference);
    const resolved = await service.app.inject({ method: 'POST', url: `/v1/reconciliations/${rec.reconciliationId}/exceptions/${ex.exceptionId}/resolve`, headers: operator(), payload: { note: 'Bank fee deducted; confirmed' } });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().exceptions.find((e: { exceptionId: string }) => e.exceptionId === ex.exceptionId)).toMatchObject({ resolved: true, resolutionNote: 'Bank fee deducted; confirmed' });

    const [{ n: before }] = await db.query(`SELECT count(*) AS n FROM reconciliation`);
    const broken = await service.app.inject({ method: 'POST', url: '/v1/reconciliations', headers: operator(), payload: { provider: 'sandbox', date: today, statement: `${csv}\n${p.reference},T9,12.5,PAID,x` } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'STATEMENT_MALFORMED', lineNumber: 5 });
    const [{ n: after }] = await db.query(`SELECT count(*) AS n FROM reconciliation`);
    expect(after).toBe(before);
  });

  it('fetches the statement of a day from the sandbox', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await service.app.inject({ method: 'POST', url: '/v1/reconciliations', headers: operator(), payload: { provider: 'sandbox', date: today } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'FETCH', provider: 'sandbox', date: today });
    const id = res.json().reconciliationId;
    expect((await service.app.inject({ method: 'GET', url: `/v1/reconciliations/${id}`, headers: operator() })).json().reconciliationId).toBe(id);
    expect((await service.app.inject({ method: 'GET', url: `/v1/reconciliations/${randomUUID()}`, headers: operator() })).statusCode).toBe(404);
  });
});
