import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, PublishedStandard, startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { AgencyFeedConsumers } from '../src/agency-feed/consumers/agency-feed.consumers';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { TransactionRunner } from '@hub/persistence';
import { AgencyFeedStore } from '../src/agency-feed/agency-feed.store';
import { FeedCursorCodec } from '../src/agency-feed/feed-cursor';
import { FeedSubmissionSweep, SWEEP_OVERLAP_MS } from '../src/agency-feed/feed-submission-sweep';
import { SecretBox } from '../src/webhook/secret-box';
import { WebhookAccess, WebhookUseCases } from '../src/webhook/usecases/webhook.usecases';
import type { PutWebhookBody } from '../src/webhook/webhook.dto';
import { WebhookStore } from '../src/webhook/webhook.store';
import { verifyWebhook } from '../src/webhook/webhook-signature';
import { WEBHOOK_SETTINGS, type WebhookSettings } from '../src/webhook/webhook-settings';
import { consumed, record, seedReferenceData, uniqueAgency } from './sync-support';

const ITEM_SCHEMA = 'schemas/packets/agency-feed.item.v1.json';
const WEBHOOK_SCHEMA = 'schemas/packets/agency-webhook.delivery.v1.json';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real local webhook receiver that answers what `answer()` says (failing on purpose) and records every request. */
class Receiver {
  readonly requests: Received[] = [];
  answer: () => number = () => 200;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const answered = this.answer();
        this.requests.push({ headers: req.headers, body, answered });
        res.writeHead(answered, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  delivered(): Array<{ deliveryId: string; item: { cursor: string; type: string; dossierCode: string } }> {
    return this.requests.filter((r) => r.answered < 300).map((r) => JSON.parse(r.body));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('agency feed and webhooks against real PostgreSQL and Kafka', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const standard = PublishedStandard.load();
  const receiver = new Receiver();
  let hookUrl: string;
  const agencyA = uniqueAgency();
  const agencyB = uniqueAgency();
  const procedure = '1.009901';
  const procedureOf = (agency: string) => (agency === agencyA ? procedure : '1.009902');
  const secret = 'whsec_test_0123456789abcdef';

  const portal = () => service.identity({ roles: ['dossier:submit', 'dossier:applicant-action'] });
  const system = (agency: string) => service.identity({ clientId: `sys-${agency}`, kind: 'agency-system', agencyCodes: [agency], roles: ['dossier:feed', 'dossier:sync'] });
  const submit = async (agency: string, fullName = 'Nguyễn Thị Hoa'): Promise<string> => {
    const res = await service.app.inject({
      method: 'POST',
      url: '/v1/dossiers',
      headers: { 'x-hub-identity': portal() },
      payload: { procedureCode: procedureOf(agency), receivingAgencyCode: agency, channel: 'ONLINE', applicant: { fullName, idNumber: '079190000123', phone: '0987654321' } },
    });
    expect([res.statusCode, res.json()]).toEqual([201, expect.anything()]);
    return res.json().code as string;
  };
  /** A withdrawal is written to the feed in the withdrawal's own transaction (no broker in between). */
  const submitAndWithdraw = async (agency: string): Promise<string> => {
    const code = await submit(agency);
    const res = await service.app.inject({ method: 'POST', url: `/v1/dossiers/${code}:withdraw`, headers: { 'x-hub-identity': portal() } });
    expect(res.statusCode).toBe(200);
    return code;
  };
  const feed = async (agency: string, query = '') => {
    const res = await service.app.inject({ method: 'GET', url: `/v1/agency-feed${query}`, headers: { 'x-hub-identity': system(agency) } });
    return res;
  };
  const readAll = async (agency: string) => {
    const items: Array<Record<string, unknown> & { cursor: string; type: string; dossierCode: string }> = [];
    let after = '';
    for (;;) {
      const res = await feed(agency, `?limit=2${after ? `&after=${after}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      items.push(...page.items);
      if (page.items.length === 0) return { items, next: page.next as string };
      after = page.next;
    }
  };
  const deliveries = async (agency: string) =>
    (await service.app.inject({ method: 'GET', url: `/v1/agency-webhooks/${agency}/deliveries`, headers: { 'x-hub-identity': system(agency) } })).json().items as Array<{
      cursor: string;
      status: string;
      attempts: number;
      lastStatusCode: number | null;
      dossierCode: string;
      replay: boolean;
    }>;

  beforeAll(async () => {
    hookUrl = await receiver.start();
    service = await startServiceUnderTest({
      service: DOSSIER_SERVICE,
      configClass: DossierConfig,
      module: DossierAppModule.forRoot,
      env: {
        OVERDUE_WATCH_INTERVAL_MS: '0',
        FEED_SWEEP_INTERVAL_MS: '0',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_DELIVERY_INTERVAL_MS: '100',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_MS: '300',
        WEBHOOK_PARK_AFTER_MS: '2000',
      },
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    await seedReferenceData(service, agencyA, procedure);
    await seedReferenceData(service, agencyB, '1.009902');
  });

  afterAll(async () => {
    await service?.close();
    await receiver.close();
  });

  it("feeds online submissions, withdrawals, supplements, payments and ratings to the receiving agency's system only, with the applicant", async () => {
    const withdrawn = await submit(agencyA, 'Trần Văn Rút');
    expect((await service.app.inject({ method: 'POST', url: `/v1/dossiers/${withdrawn}:withdraw`, headers: { 'x-hub-identity': portal() } })).statusCode).toBe(200);
    // A dossier the agency synced at status 5 (supplement requested); the applicant supplies documents.
    const synced = record(agencyA, procedure, { seq: 9001, status: 5 });
    const sync = await service.app.inject({ method: 'POST', url: '/v1/dossiers:sync', headers: { 'x-hub-identity': system(agencyA) }, payload: { dossiers: [synced] } });
    expect(sync.json().results[0].outcome).toBe('created');
    const supplement = await service.app.inject({ method: 'POST', url: `/v1/dossiers/${synced.code}/supplements`, headers: { 'x-hub-identity': portal() }, payload: { note: 'Bản sao CCCD' } });
    expect(supplement.statusCode).toBe(200);
    // Payment and rating events as their consumers receive them.
    const consumers = service.app.get(AgencyFeedConsumers);
    await service.app.get(DataSource).transaction(async (tx) => {
      await consumers.paymentSucceeded(consumed({ paymentId: '0b6f5f7e-6c1a-4d53-9a43-1f1f3b0c2a10', dossierCode: synced.code as string, requestId: 'FEE-1', amount: 50000, provider: 'VNPAY', reference: 'R1', succeededAt: '2026-01-20T10:15:00+07:00' }, 'payment.succeeded.v1'), tx);
      await consumers.ratingGiven(consumed({ ratingId: '5d1e8f0a-2b7c-4c1e-9f3a-7a6b5c4d3e2f', dossierCode: synced.code as string, procedureCode: procedure, receivingAgencyCode: agencyA, level: 'SATISFIED' as const, criteria: [{ criterion: 'ON_TIME' as const, level: 'VERY_SATISFIED' as const }], channel: 'KIOSK' as const, ratedAt: '2026-01-30T11:00:00+07:00' }, 'rating.given.v1'), tx);
    });
    const other = await submit(agencyB);

    const { items } = await expectEventually(async () => {
      const all = await readAll(agencyA);
      expect(all.items.map((i) => i.type).sort()).toEqual(['dossier.submitted', 'dossier.supplement-submitted', 'dossier.withdrawn', 'payment.succeeded', 'rating.given']);
      return all;
    }, { timeoutMs: 180_000 });
    for (const item of items) expect(standard.check(ITEM_SCHEMA, item, { strict: true })).toEqual([]);
    const byType = new Map(items.map((i) => [i.type, i]));
    expect(byType.get('dossier.submitted')).toMatchObject({ dossierCode: withdrawn, agencyCode: agencyA, dossier: { applicant: { fullName: 'Trần Văn Rút', idNumber: '079190000123', phone: '0987654321' }, channel: 'ONLINE' } });
    expect(items.findIndex((i) => i.type === 'dossier.submitted')).toBeLessThan(items.findIndex((i) => i.type === 'dossier.withdrawn'));
    expect(byType.get('dossier.supplement-submitted')).toMatchObject({ dossierCode: synced.code, supplement: { note: 'Bản sao CCCD' }, dossier: { status: 5 } });
    expect(byType.get('payment.succeeded')).toMatchObject({ payment: { amount: 50000, requestId: 'FEE-1' } });
    expect(byType.get('rating.given')).toMatchObject({ rating: { level: 'SATISFIED' } });

    await expectEventually(async () => expect((await readAll(agencyB)).items.map((i) => i.dossierCode)).toEqual([other]), { timeoutMs: 180_000 });
    // Read again from the start: the same items in the same order (the cursor is a stable position).
    expect((await readAll(agencyA)).items).toEqual(items);
    // The first items ride on the broker, behind whatever backlog the fresh consumer group replays first.
  }, 300_000);

  it("writes an online submission's item with the dossier, and the sweep restores one an older version left to a consumer", async () => {
    const db = service.app.get(DataSource);
    const itemOf = async (code: string) =>
      db.query('SELECT agency_code, dossier_code, type, occurred_at, data FROM agency_feed WHERE source_key = $1', [`dossier.submitted:${code}`]) as Promise<Array<Record<string, unknown>>>;
    const code = await submit(agencyB, 'Lê Văn Quét');
    // Committed with the dossier: no broker in between, nothing to wait for.
    const [written] = await itemOf(code);
    expect(written).toMatchObject({ agency_code: agencyB, dossier_code: code, type: 'dossier.submitted', data: { dossier: { code, status: 1, applicant: { fullName: 'Lê Văn Quét' } } } });
    // An intake by an older version stored the dossier without its item (a retired consumer of dossier.received.v1
    // recorded it): the sweep records it from the stored row, with the same content the intake writes.
    await db.query('DELETE FROM agency_feed WHERE source_key = $1', [`dossier.submitted:${code}`]);
    const sweep = service.app.get(FeedSubmissionSweep);
    expect(await sweep.sweep()).toBe(1);
    expect(await itemOf(code)).toEqual([written]);
    expect(await sweep.sweep()).toBe(0);
    // Outside the window (dossiers changed more than FEED_SWEEP_WINDOW_MS ago) it looks no further.
    await db.query('DELETE FROM agency_feed WHERE source_key = $1', [`dossier.submitted:${code}`]);
    expect(await sweep.sweep(new Date(Date.now() + 7 * 3600_000))).toBe(0);
    expect(await sweep.sweep()).toBe(1);

    // Periodic sweeps: the first reads the whole window; the next only what changed since the previous one began,
    // less SWEEP_OVERLAP_MS. An hour on, the dossier is within the window but not within the overlap.
    await db.query('DELETE FROM agency_feed WHERE source_key = $1', [`dossier.submitted:${code}`]);
    const hourOn = new Date(Date.now() + 3600_000);
    expect(await sweep.sweepNext(new Date(hourOn.getTime() - 60_000))).toBe(1);
    await db.query('DELETE FROM agency_feed WHERE source_key = $1', [`dossier.submitted:${code}`]);
    expect(await sweep.sweepNext(hourOn)).toBe(0);
    // A dossier that changed within the overlap before the previous sweep began is caught by the next.
    await db.query('UPDATE dossier SET updated_at = $2 WHERE code = $1', [code, new Date(hourOn.getTime() - SWEEP_OVERLAP_MS + 30_000)]);
    expect(await sweep.sweepNext(new Date(hourOn.getTime() + 60_000))).toBe(1);
    expect(await itemOf(code)).toEqual([written]);
  });

  it('long polling answers as soon as an item arrives', async () => {
    const { next } = await readAll(agencyA);
    const polling = feed(agencyA, `?after=${next}&wait=25`);
    // A supplement is written to the feed in its own transaction: the poll wakes on its NOTIFY.
    const synced = record(agencyA, procedure, { seq: 9002, status: 5 });
    await service.app.inject({ method: 'POST', url: '/v1/dossiers:sync', headers: { 'x-hub-identity': system(agencyA) }, payload: { dossiers: [synced] } });
    await service.app.inject({ method: 'POST', url: `/v1/dossiers/${synced.code}/supplements`, headers: { 'x-hub-identity': portal() }, payload: {} });
    const res = await polling;
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { dossierCode: string; type: string }) => [i.dossierCode, i.type])).toEqual([[synced.code, 'dossier.supplement-submitted']]);
    // Nothing new: the same cursor comes back after the wait.
    const idle = await feed(agencyA, `?after=${res.json().next}&wait=1`);
    expect(idle.json()).toEqual({ items: [], next: res.json().next });
  });

  it('refuses a cursor it never issued, a limit over 500, a wait over 30 s, unknown parameters and callers without the role', async () => {
    const { next } = await readAll(agencyB);
    const [body, tag] = next.split('.');
    const forged = Buffer.from(body, 'base64url');
    forged[15] ^= 1;
    for (const after of ['garbage', `${forged.toString('base64url')}.${tag}`, `${body}.AAAAAAAAAAAAAAAA`]) {
      const res = await feed(agencyB, `?after=${encodeURIComponent(after)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_CURSOR', errors: [{ field: 'after' }] });
    }
    for (const query of ['?limit=501', '?limit=0', '?wait=31', '?wait=-1', '?since=0']) {
      const res = await feed(agencyB, query);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const noRole = await service.app.inject({ method: 'GET', url: '/v1/agency-feed', headers: { 'x-hub-identity': portal() } });
    expect(noRole.statusCode).toBe(403);
  });

  it('delivers signed webhooks in feed order, retrying a failing receiver without letting later items overtake, and replays from a cursor', async () => {
    const put = await service.app.inject({
      method: 'PUT',
      url: `/v1/agency-webhooks/${agencyB}`,
      headers: { 'x-hub-identity': system(agencyB) },
      payload: { url: hookUrl, secret, eventTypes: ['dossier.withdrawn', 'dossier.supplement-submitted'] },
    });
    expect(put.statusCode).toBe(200);
    const got = await service.app.inject({ method: 'GET', url: `/v1/agency-webhooks/${agencyB}`, headers: { 'x-hub-identity': system(agencyB) } });
    expect(got.json()).toMatchObject({ agencyCode: agencyB, url: hookUrl, active: true, secretSet: true });
    expect(JSON.stringify(got.json())).not.toContain(secret);

    let failures = 2;
    receiver.answer = () => (failures-- > 0 ? 500 : 200);
    const codes = [await submitAndWithdraw(agencyB), await submitAndWithdraw(agencyB), await submitAndWithdraw(agencyB)];

    await expectEventually(() => expect(receiver.delivered().map((d) => d.item.dossierCode)).toEqual(codes), { timeoutMs: 90_000 });
    // The first item was tried three times before anything later was sent: order holds across retries.
    expect(receiver.requests.map((r) => [JSON.parse(r.body).item.dossierCode, r.answered])).toEqual([
      [codes[0], 500],
      [codes[0], 500],
      [codes[0], 200],
      [codes[1], 200],
      [codes[2], 200],
    ]);
    const deliveryIds = new Set(receiver.requests.slice(0, 3).map((r) => JSON.parse(r.body).deliveryId));
    expect(deliveryIds.size).toBe(1);
    for (const r of receiver.requests) {
      expect(verifyWebhook(secret, r.body, r.headers['x-hub-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
      expect(standard.check(WEBHOOK_SCHEMA, JSON.parse(r.body), { strict: true })).toEqual([]);
    }
    // The same items as the feed, with the same cursors.
    const feedItems = (await readAll(agencyB)).items.filter((i) => codes.includes(i.dossierCode) && i.type === 'dossier.withdrawn');
    expect(receiver.delivered().map((d) => d.item)).toEqual(feedItems);

    const list = await deliveries(agencyB);
    expect(list.map((d) => [d.dossierCode, d.status, d.attempts, d.lastStatusCode])).toEqual([
      [codes[2], 'DELIVERED', 1, 200],
      [codes[1], 'DELIVERED', 1, 200],
      [codes[0], 'DELIVERED', 3, 200],
    ]);

    const before = receiver.requests.length;
    const replay = await service.app.inject({
      method: 'POST',
      url: `/v1/agency-webhooks/${agencyB}/deliveries:replay`,
      headers: { 'x-hub-identity': system(agencyB) },
      payload: { from: list[1].cursor },
    });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual({ replayed: 2 });
    await expectEventually(() => expect(receiver.requests.slice(before).map((r) => JSON.parse(r.body).item.dossierCode)).toEqual([codes[1], codes[2]]), { timeoutMs: 90_000 });
  }, 240_000);

  it('parks a delivery that keeps failing past the retry window, with everything behind it, and replays them once the receiver is back', async () => {
    receiver.answer = () => 503;
    // Paused while both items are written, so they are queued together behind the failing one.
    const register = (active: boolean) =>
      service.app.inject({
        method: 'PUT',
        url: `/v1/agency-webhooks/${agencyB}`,
        headers: { 'x-hub-identity': system(agencyB) },
        payload: { url: hookUrl, secret, eventTypes: ['dossier.withdrawn', 'dossier.supplement-submitted'], active },
      });
    expect((await register(false)).json().active).toBe(false);
    const codes = [await submitAndWithdraw(agencyB), await submitAndWithdraw(agencyB)];
    expect((await register(true)).json().active).toBe(true);
    await expectEventually(async () => {
      const list = (await deliveries(agencyB)).filter((d) => codes.includes(d.dossierCode));
      expect(list.map((d) => [d.dossierCode, d.status])).toEqual([
        [codes[1], 'PARKED'],
        [codes[0], 'PARKED'],
      ]);
      expect(list[1].attempts).toBeGreaterThanOrEqual(2);
      expect(list[1].lastStatusCode).toBe(503);
      expect(list[0].attempts).toBe(0);
    }, { timeoutMs: 90_000 });
    expect(receiver.requests.filter((r) => JSON.parse(r.body).item.dossierCode === codes[1])).toEqual([]);

    receiver.answer = () => 200;
    const parked = (await deliveries(agencyB)).find((d) => d.dossierCode === codes[0])!;
    const replay = await service.app.inject({
      method: 'POST',
      url: `/v1/agency-webhooks/${agencyB}/deliveries:replay`,
      headers: { 'x-hub-identity': system(agencyB) },
      payload: { from: parked.cursor },
    });
    expect(replay.json()).toEqual({ replayed: 2 });
    await expectEventually(() => expect(receiver.delivered().slice(-2).map((d) => d.item.dossierCode)).toEqual(codes), { timeoutMs: 90_000 });
  }, 240_000);

  it("refuses another agency's webhook, unsafe targets, bad secrets and types, and a replay from a cursor never issued", async () => {
    const put = (agency: string, payload: Record<string, unknown>, as = agencyB) =>
      service.app.inject({ method: 'PUT', url: `/v1/agency-webhooks/${agency}`, headers: { 'x-hub-identity': system(as) }, payload });
    const valid = { url: hookUrl, secret, eventTypes: ['dossier.submitted'] };
    expect((await put(agencyB, { ...valid, eventTypes: ['dossier.withdrawn', 'dossier.supplement-submitted'] })).statusCode).toBe(200);

    expect((await put(agencyA, valid)).json()).toMatchObject({ status: 403, code: 'AGENCY_SCOPE_VIOLATION' });
    const foreign = await service.app.inject({ method: 'GET', url: `/v1/agency-webhooks/${agencyB}`, headers: { 'x-hub-identity': system(agencyA) } });
    expect(foreign.json()).toMatchObject({ status: 404, code: 'WEBHOOK_NOT_FOUND' });
    const missing = await service.app.inject({ method: 'GET', url: `/v1/agency-webhooks/${agencyA}`, headers: { 'x-hub-identity': system(agencyA) } });
    expect(missing.json()).toMatchObject({ status: 404, code: 'WEBHOOK_NOT_FOUND' });

    for (const url of ['ftp://127.0.0.1/hooks', 'http://user:pw@127.0.0.1/hooks', 'not a url']) {
      expect((await put(agencyB, { ...valid, url })).json()).toMatchObject({ status: 422, code: 'WEBHOOK_TARGET_NOT_ALLOWED', errors: [{ field: 'url' }] });
    }
    for (const payload of [{ ...valid, secret: 'short' }, { ...valid, eventTypes: [] }, { ...valid, eventTypes: ['dossier.deleted'] }, { ...valid, extra: 1 }, { url: hookUrl }]) {
      expect((await put(agencyB, payload)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
    // Production settings (no private targets), with names that resolve to a public and to an internal address.
    const app = service.app;
    const production = new WebhookUseCases(
      app.get(WebhookStore), app.get(AgencyFeedStore), app.get(WebhookAccess), app.get(TransactionRunner), app.get(SecretBox), app.get(FeedCursorCodec),
      { ...app.get<WebhookSettings>(WEBHOOK_SETTINGS), allowPrivateTargets: false },
      async (host) => [{ address: host === 'internal.example.vn' ? '10.0.0.7' : '203.162.4.191', family: 4 }],
    );
    for (const url of [hookUrl, 'https://127.0.0.1/hooks', 'https://10.1.2.3/hooks', 'https://[::1]/hooks', 'https://169.254.169.254/latest', 'https://internal.example.vn/hooks', 'http://hooks.example.vn/x']) {
      await expect(production.put(agencyB, { ...valid, url, eventTypes: ['dossier.withdrawn'] } as PutWebhookBody, { clientId: 'sys', kind: 'agency-system', agencyCodes: [agencyB], roles: ['dossier:feed'] })).rejects.toMatchObject({ code: 'WEBHOOK_TARGET_NOT_ALLOWED' });
    }
    expect((await production.put(agencyA, { ...valid, url: 'https://hooks.example.vn/x' } as PutWebhookBody, { clientId: 'sys', kind: 'agency-system', agencyCodes: [agencyA], roles: ['dossier:feed'] })).url).toBe('https://hooks.example.vn/x');

    const replay = await service.app.inject({
      method: 'POST',
      url: `/v1/agency-webhooks/${agencyB}/deliveries:replay`,
      headers: { 'x-hub-identity': system(agencyB) },
      payload: { from: 'AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA' },
    });
    expect(replay.json()).toMatchObject({ status: 400, code: 'INVALID_CURSOR', errors: [{ field: 'from' }] });
    // Nothing refused was stored: the webhook is still the one registered before.
    const kept = await service.app.inject({ method: 'GET', url: `/v1/agency-webhooks/${agencyB}`, headers: { 'x-hub-identity': system(agencyB) } });
    expect(kept.json()).toMatchObject({ url: hookUrl, eventTypes: ['dossier.withdrawn', 'dossier.supplement-submitted'] });
  });

  it('pages the deliveries list newest first with keyset cursors, and refuses a cursor it did not issue and a page over 500', async () => {
    const list = (query: string) => service.app.inject({ method: 'GET', url: `/v1/agency-webhooks/${agencyB}/deliveries${query}`, headers: { 'x-hub-identity': system(agencyB) } });
    const whole = (await list('?limit=500')).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThan(4);
    const paged: Array<{ deliveryId: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page: { items: Array<{ deliveryId: string }>; nextCursor: string | null } = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(whole.items.length / 2));
    expect(paged.map((d) => d.deliveryId)).toEqual(whole.items.map((d: { deliveryId: string }) => d.deliveryId));
    // The status filter pages the same way.
    const delivered = (await list('?status=DELIVERED&limit=1')).json();
    expect(delivered.items.map((d: { status: string }) => d.status)).toEqual(['DELIVERED']);
    expect(delivered.nextCursor).toEqual(expect.any(String));

    for (const query of ['?cursor=garbage', `?cursor=${Buffer.from('["d","-1"]').toString('base64url')}`, '?cursor=a%20b']) {
      expect((await list(query)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'cursor' }] });
    }
    for (const query of ['?limit=501', '?limit=0']) expect((await list(query)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
