import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expectEventually } from '@hub/testing';
import { startAgencySystem, type AgencySystemProcess } from './support/agency-system';
import { APPLICANT, DEPARTMENT, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { Hub } from './support/hub';
import { recordPackets } from './support/standard-capture';

const PROCEDURE = uniqueProcedureCode();
const FEES = [
  { code: 'LP01', name: 'Lệ phí cấp giấy phép', amount: 75_000 },
  { code: 'P02', name: 'Phí thẩm định', amount: 125_000 },
];
const TOTAL = 200_000;
const local = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
// A fresh consumer group replays every dossier event earlier runs left on the shared broker first.
const SLOW = { timeoutMs: 600_000, intervalMs: 2_000 };

/** The payment sandbox as its own process on a free port. */
async function startSandbox(partnerCode: string, secret: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, '../../../tools/payment-sandbox/server.mjs')], {
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_PARTNER_CODE: partnerCode, SANDBOX_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /payment sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
  });
}

describe('payments through the gateway with the sandbox as a real process: pay, fail, expire, late success, refund, reconcile', () => {
  let hub: Hub;
  let sandbox: { url: string; child: ChildProcess };
  let agencyWebhook: AgencySystemProcess;
  let portal: string;
  let operator: string;
  let agencySystem: string;
  const code = `${DEPARTMENT}-${local(Date.now()).slice(2, 10).replaceAll('-', '')}-8${String(Math.floor(Math.random() * 900) + 100)}`;
  let requestId: string;

  const sandboxPost = async (path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const payments = async () => (await hub.request('GET', `/v1/payments?dossierCode=${code}`, { apiKey: portal })).body;
  const paymentOf = async (paymentId: string) => (await payments()).payments.find((p: { paymentId: string }) => p.paymentId === paymentId);
  const create = () =>
    hub.request('POST', '/v1/payments', {
      apiKey: portal,
      headers: { 'idempotency-key': randomUUID() },
      body: { dossierCode: code, requestId, provider: 'sandbox', returnUrl: 'https://dichvucong.gov.vn/thanh-toan/ket-qua' },
    });

  beforeAll(async () => {
    const partnerCode = 'HUB_E2E';
    const secret = `e2e-sandbox-secret-${randomUUID()}`;
    sandbox = await startSandbox(partnerCode, secret);
    agencyWebhook = await startAgencySystem();
    // Rating plays no part here: four apps start faster on a busy machine.
    hub = await Hub.start({
      services: ['catalogue', 'dossier', 'payment', 'gateway'],
      env: {
        // The mock agency system listens on loopback over plain HTTP.
        dossier: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
        payment: {
          PAYMENT_PLATFORM_URL: `${sandbox.url}/api`,
          PAYMENT_PLATFORM_PARTNER_CODE: partnerCode,
          PAYMENT_PLATFORM_SECRET: secret,
          PAYMENT_EXPIRY_MS: '4000',
          PAYMENT_EXPIRY_JOB_INTERVAL_MS: '1000',
          REFUND_DISPATCH_INTERVAL_MS: '500',
          DAILY_RECONCILE_INTERVAL_MS: '0',
          PROVIDER_TIMEOUT_MS: '20000',
        },
      },
    });
    await sandboxPost('/config', { callbackUrl: `${hub.url}/v1/payment-callbacks/sandbox` });
    const admin = await hub.registerClient('vpcp-operator', 'operator', ['catalogue:write']);
    // Registered without roles: each kind gets its defaults (operators may refund and reconcile, the portal pay).
    const register = async (clientId: string, kind: string, agencyCodes: string[] = []) =>
      (await hub.request('POST', '/v1/admin/api-clients', { apiKey: hub.adminKey, body: { clientId, name: clientId, kind, agencyCodes } })).body;
    const op = await register('payments-operator', 'operator');
    expect(op.roles).toEqual(expect.arrayContaining(['payment:refund', 'payment:reconcile']));
    operator = op.apiKey;
    portal = (await register('payments-portal', 'portal')).apiKey;
    agencySystem = (await register('payments-agency', 'agency-system', [DEPARTMENT])).apiKey;
    const webhook = await hub.request('PUT', `/v1/agency-webhooks/${DEPARTMENT}`, {
      apiKey: agencySystem,
      body: { url: agencyWebhook.url, secret: agencyWebhook.secret, eventTypes: ['payment.succeeded', 'payment.refunded'] },
    });
    expect(webhook.status).toBeLessThan(300);
    await publishProcedure(hub, admin, PROCEDURE, FEES);

    // The agency syncs the dossier at 4, then asks for its fees (status 6) with the fee lines.
    // Received after the procedure's publication, so its version is in force.
    const received = Date.now() + 2_000;
    const record = (version: number, status: number, steps: { at: string; status: number; handledBy: string }[]) => ({
      code, version, procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, channel: 'COUNTER', status,
      receivedAt: local(received), statusChangedAt: steps.at(-1)!.at, applicant: APPLICANT, steps,
      documents: [{ name: 'Đơn đề nghị', copies: 1, digitised: true }], fees: FEES,
    });
    const first = [{ at: local(received), status: 2, handledBy: 'Cán bộ' }, { at: local(received + 1000), status: 4, handledBy: 'Cán bộ' }];
    await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers:sync', { apiKey: agencySystem, body: { dossiers: [record(1, 4, first)] } });
      // PROCEDURE_NOT_YET_KNOWN while the dossier service's new consumer group replays the broker's backlog.
      expect({ outcome: res.body.results?.[0]?.outcome, problem: res.body.results?.[0]?.problem?.code }).toEqual({ outcome: 'created', problem: undefined });
    }, { timeoutMs: 420_000, intervalMs: 2_000 });
    const second = await hub.request('POST', '/v1/dossiers:sync', { apiKey: agencySystem, body: { dossiers: [record(2, 6, [...first, { at: local(received + 2000), status: 6, handledBy: 'Cán bộ' }])] } });
    expect(second.body.results[0]).toMatchObject({ outcome: 'updated', status: 6 });
    const listed = await expectEventually(async () => {
      const body = await payments();
      expect(body.requests).toEqual([expect.objectContaining({ origin: 'STATUS_6', state: 'OPEN', amount: TOTAL, fees: FEES })]);
      return body;
    }, SLOW);
    requestId = listed.requests[0].requestId;
  }, 1_500_000);

  afterAll(async () => {
    await hub?.stop();
    sandbox?.child.kill('SIGTERM');
    agencyWebhook?.stop();
  });

  let failed: string;
  let expired: { paymentId: string; reference: string };
  let paid: { paymentId: string; reference: string };

  it('fails a payment on the sandbox page; a second one may then start, and two at once are refused', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: TOTAL, currency: 'VND', state: 'PENDING' });
    expect(res.body.paymentUrl).toContain(`${sandbox.url}/pay/`);
    const page = await fetch(res.body.paymentUrl);
    expect(await page.text()).toContain('Thanh toán (pay)');
    expect((await create()).body).toMatchObject({ code: 'PAYMENT_IN_FLIGHT', paymentId: res.body.paymentId });
    // The citizen presses "fail" on the plain HTML page.
    const form = await fetch(res.body.paymentUrl, { method: 'POST', body: 'action=fail', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(form.status).toBe(303);
    await expectEventually(async () => expect((await paymentOf(res.body.paymentId)).state).toBe('FAILED'));
    failed = res.body.paymentId;
  });

  it('expires a payment left alone after asking the sandbox, then pays the request with another', async () => {
    const first = (await create()).body;
    expect((await sandboxPost(`/control/${first.reference}/expire`)).status).toBe(200);
    await expectEventually(async () => expect((await paymentOf(first.paymentId)).state).toBe('EXPIRED'), { timeoutMs: 30_000, intervalMs: 500 });
    expired = first;

    const second = (await create()).body;
    const answer = (await sandboxPost(`/control/${second.reference}/pay`)).body.answer;
    expect(answer).toMatchObject({ status: 200, MaLoi: '00', signatureValid: true });
    const p = await paymentOf(second.paymentId);
    expect(p).toMatchObject({ state: 'SUCCEEDED', amount: TOTAL });
    expect(p.receiptNumber).toMatch(/^BL-SBX-/);
    expect((await payments()).requests[0].state).toBe('PAID');
    paid = second;
    // A replay of the same callback changes nothing.
    expect((await sandboxPost(`/control/${second.reference}/resend`)).body.answer.MaLoi).toBe('00');
    expect((await payments()).payments.filter((x: { state: string }) => x.state === 'SUCCEEDED')).toHaveLength(1);
    expect(failed).toBeDefined();
  });

  it('takes a late success after expiry as real money, flagged, with a refund proposed', async () => {
    const answer = (await sandboxPost(`/control/${expired.reference}/late-pay`)).body.answer;
    expect(answer.MaLoi).toBe('00');
    const p = await paymentOf(expired.paymentId);
    expect(p).toMatchObject({ state: 'SUCCEEDED', reviewReason: 'LATE_SUCCESS_REQUEST_ALREADY_PAID' });
    expect(p.refunds).toEqual([expect.objectContaining({ state: 'PROPOSED', amount: TOTAL })]);
  });

  it('refunds part of a payment asynchronously through the sandbox, idempotently', async () => {
    const key = randomUUID();
    const ask = (amount: number, k = key) => hub.request('POST', `/v1/payments/${paid.paymentId}/refunds`, { apiKey: operator, headers: { 'idempotency-key': k }, body: { amount, reason: 'Hoàn phí thẩm định' } });
    const res = await ask(125_000);
    expect(res.status).toBe(202);
    expect((await ask(125_000)).body.refundId).toBe(res.body.refundId);
    expect((await ask(100_000)).status).toBe(422);
    expect((await ask(TOTAL, randomUUID())).body.code).toBe('REFUND_EXCEEDS_PAID');
    expect((await hub.request('POST', `/v1/payments/${paid.paymentId}/refunds`, { apiKey: portal, headers: { 'idempotency-key': randomUUID() }, body: { amount: 1, reason: 'x' } })).status).toBe(403);
    await expectEventually(async () => expect(await paymentOf(paid.paymentId)).toMatchObject({ state: 'SUCCEEDED', refundedAmount: 125_000 }), { timeoutMs: 30_000, intervalMs: 500 });
  });

  it('reconciles the day fetched from the sandbox with one injected mismatch, and resolves it', async () => {
    await sandboxPost(`/control/${paid.reference}/statement-amount`, { amount: TOTAL - 1_000 });
    const res = await hub.request('POST', '/v1/reconciliations', { apiKey: operator, body: { provider: 'sandbox', date: today() } });
    expect(res.status).toBe(201);
    const mine = res.body.exceptions.filter((e: { reference: string }) => [paid.reference, expired.reference].includes(e.reference));
    expect(mine).toEqual([expect.objectContaining({ kind: 'AMOUNT_MISMATCH', reference: paid.reference, hubAmount: TOTAL, providerAmount: TOTAL - 1_000, resolved: false })]);
    const resolved = await hub.request('POST', `/v1/reconciliations/${res.body.reconciliationId}/exceptions/${mine[0].exceptionId}/resolve`, { apiKey: operator, body: { note: 'Sandbox mismatch injected by the test' } });
    expect(resolved.status).toBe(200);
    expect((await hub.request('POST', '/v1/reconciliations', { apiKey: portal, body: { provider: 'sandbox', date: today() } })).status).toBe(403);
  });

  it('answers forged callbacks through the gateway without a key, in the platform vocabulary', async () => {
    const res = await hub.request('POST', '/v1/payment-callbacks/sandbox', { body: { MaLoi: '00', MaDoiTac: 'HUB_E2E', MaThamChieu: paid.reference, SoTien: TOTAL, MaXacThuc: 'f'.repeat(64) } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ MaLoi: '99', MaThamChieu: paid.reference });
  });

  it("tells the agency's system of the payments and the refund in its feed and by signed webhook", async () => {
    const mine = (items: { type: string; dossierCode: string }[]) => items.filter((i) => i.dossierCode === code).map((i) => i.type).sort();
    const expected = ['payment.refunded', 'payment.succeeded', 'payment.succeeded'];
    const feed = await expectEventually(async () => {
      const res = await hub.request('GET', '/v1/agency-feed?limit=500', { apiKey: agencySystem });
      expect(res.status).toBe(200);
      expect(mine(res.body.items)).toEqual(expected);
      return res.body.items;
    }, { timeoutMs: 60_000, intervalMs: 1_000 });
    // The mock agency system answers 2xx only to a valid signature and a body the published schema accepts.
    const deliveries = await expectEventually(async () => {
      const bodies = agencyWebhook.deliveries();
      // A retried delivery (a slow answer) arrives again with the same item.
      expect(mine([...new Map(bodies.map((b) => [b.item.cursor, b.item])).values()])).toEqual(expected);
      return bodies;
    }, { timeoutMs: 60_000, intervalMs: 1_000 });
    recordPackets('agency-feed.item.v1', feed);
    recordPackets('agency-webhook.delivery.v1', deliveries);
  });
});
