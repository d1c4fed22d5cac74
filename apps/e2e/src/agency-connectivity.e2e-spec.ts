import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectEventually } from '@hub/testing';
import { APPLICANT, BACKLOG, DEPARTMENT, OTHER_PROVINCE, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { Hub } from './support/hub';

const PROCEDURE = uniqueProcedureCode();
const FEES = [{ code: 'LP01', name: 'Lệ phí cấp giấy phép', amount: 75_000 }];
const SECRET = 'whsec_e2e_0123456789abcdef'; // a test value: secret-scan: allow
const local = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * The agency system's webhook receiver: a real local HTTP server (the dossier service allows private targets only
 * because this test says so). It fails the first request on purpose, then acknowledges.
 */
class Receiver {
  readonly requests: Received[] = [];
  private failuresLeft = 1;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const answered = this.failuresLeft-- > 0 ? 500 : 200;
        this.requests.push({ headers: req.headers, body, answered });
        res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try later');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hub-webhooks`;
  }

  acknowledged(): Array<{ deliveryId: string; item: Record<string, unknown> & { cursor: string; dossierCode: string } }> {
    return this.requests.filter((r) => r.answered === 200).map((r) => JSON.parse(r.body));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The check an agency system makes, written from the issue's definition, not the hub's code: `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
function signedWith(secret: string, body: string, header: string | undefined): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

describe('agency connectivity through the gateway: the feed and a signed webhook of the same change', () => {
  let hub: Hub;
  const receiver = new Receiver();
  let hookUrl: string;
  let agencySystem: string;
  let otherSystem: string;
  let portal: string;

  beforeAll(async () => {
    hookUrl = await receiver.start();
    // Payment and rating play no part: three apps start faster on a busy machine.
    hub = await Hub.start({
      services: ['catalogue', 'dossier', 'gateway'],
      readyTimeoutMs: 240_000,
      env: { dossier: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_DELIVERY_INTERVAL_MS: '200', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '300' } },
    });
    const operator = await hub.registerClient('vpcp-operator', 'operator', ['catalogue:write']);
    agencySystem = await hub.registerClient('hanoi-one-stop', 'agency-system', ['dossier:sync', 'dossier:read', 'dossier:feed'], [DEPARTMENT]);
    otherSystem = await hub.registerClient('quangtri-one-stop', 'agency-system', ['dossier:sync', 'dossier:read', 'dossier:feed'], [OTHER_PROVINCE]);
    portal = await hub.registerClient('national-portal', 'portal', ['dossier:read', 'dossier:applicant-action']);
    await publishProcedure(hub, operator, PROCEDURE, FEES);
  }, 420_000);

  afterAll(async () => {
    await hub?.stop();
    await receiver.close();
  });

  const readFeed = async (key: string) => {
    const items: Array<Record<string, unknown> & { cursor: string; type: string; dossierCode: string }> = [];
    let after = '';
    for (;;) {
      const res = await hub.request('GET', `/v1/agency-feed?limit=1${after ? `&after=${after}` : ''}`, { apiKey: key });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      if (res.body.items.length === 0) return items;
      after = res.body.next;
    }
  };

  it('an agency registers a webhook; applicants supply documents; the feed returns both changes and the receiver gets them signed, in order, once acknowledged', async () => {
    const put = await hub.request('PUT', `/v1/agency-webhooks/${DEPARTMENT}`, {
      apiKey: agencySystem,
      body: { url: hookUrl, secret: SECRET, eventTypes: ['dossier.supplement-submitted', 'dossier.withdrawn'] },
    });
    expect([put.status, put.body]).toEqual([200, expect.objectContaining({ agencyCode: DEPARTMENT, url: hookUrl, active: true, secretSet: true })]);
    const shown = await hub.request('GET', `/v1/agency-webhooks/${DEPARTMENT}`, { apiKey: agencySystem });
    expect(JSON.stringify(shown.body)).not.toContain(SECRET);
    // Another agency's system sees no webhook there.
    expect((await hub.request('GET', `/v1/agency-webhooks/${DEPARTMENT}`, { apiKey: otherSystem })).status).toBe(404);

    // Two dossiers the agency synced while asking the applicant for more documents (status 5).
    const received = Date.now();
    const codes = ['7101', '7102'].map((seq) => `${DEPARTMENT}-${local(received).slice(2, 10).replaceAll('-', '')}-${seq}`);
    const records = codes.map((code) => ({
      code,
      version: 1,
      procedureCode: PROCEDURE,
      receivingAgencyCode: DEPARTMENT,
      channel: 'COUNTER',
      status: 5,
      receivedAt: local(received),
      statusChangedAt: local(received + 1_000),
      applicant: APPLICANT,
    }));
    // The procedure reaches the dossier service's read model through the broker (PROCEDURE_NOT_YET_KNOWN until then).
    await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers:sync', { apiKey: agencySystem, body: { dossiers: records } });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
    }, BACKLOG);
    for (const [i, code] of codes.entries()) {
      const res = await hub.request('POST', `/v1/dossiers/${code}/supplements`, { apiKey: portal, body: { note: `Bản sao CCCD ${i + 1}` } });
      expect(res.status).toBe(200);
    }

    // The feed, through the gateway, one item a page: both supplements in commit order, with the applicant.
    const feed = await expectEventually(async () => {
      const items = (await readFeed(agencySystem)).filter((i) => codes.includes(i.dossierCode));
      expect(items.map((i) => [i.type, i.dossierCode])).toEqual(codes.map((c) => ['dossier.supplement-submitted', c]));
      return items;
    });
    expect(feed[0]).toMatchObject({ agencyCode: DEPARTMENT, supplement: { note: 'Bản sao CCCD 1' }, dossier: { status: 5, applicant: { fullName: APPLICANT.fullName } } });
    expect((await readFeed(otherSystem)).filter((i) => codes.includes(i.dossierCode))).toEqual([]);

    // The webhook: the first attempt fails on purpose, the retry is acknowledged, then the second item follows.
    await expectEventually(() => expect(receiver.acknowledged().map((d) => d.item.dossierCode)).toEqual(codes), { timeoutMs: 120_000 });
    expect(receiver.requests.map((r) => [JSON.parse(r.body).item.dossierCode, r.answered])).toEqual([
      [codes[0], 500],
      [codes[0], 200],
      [codes[1], 200],
    ]);
    for (const r of receiver.requests) {
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(signedWith(SECRET, r.body, r.headers['x-hub-signature'] as string)).toBe(true);
      expect(signedWith('whsec_some_other_secret_000', r.body, r.headers['x-hub-signature'] as string)).toBe(false);
    }
    // The same delivery was retried (one id), and the delivered items are the feed's items, cursors included.
    expect(new Set(receiver.requests.slice(0, 2).map((r) => JSON.parse(r.body).deliveryId)).size).toBe(1);
    expect(receiver.acknowledged().map((d) => d.item)).toEqual(feed);

    // The deliveries list, newest first, one a page.
    const first = await hub.request('GET', `/v1/agency-webhooks/${DEPARTMENT}/deliveries?limit=1`, { apiKey: agencySystem });
    expect(first.status).toBe(200);
    expect(first.body.items.map((d: Record<string, unknown>) => [d.dossierCode, d.status, d.attempts, d.lastStatusCode])).toEqual([[codes[1], 'DELIVERED', 1, 200]]);
    const second = await hub.request('GET', `/v1/agency-webhooks/${DEPARTMENT}/deliveries?limit=1&cursor=${first.body.nextCursor}`, { apiKey: agencySystem });
    expect(second.body.items.map((d: Record<string, unknown>) => [d.dossierCode, d.status, d.attempts, d.lastStatusCode])).toEqual([[codes[0], 'DELIVERED', 2, 200]]);
    expect(second.body.nextCursor).toBeNull();
  }, 600_000);
});
