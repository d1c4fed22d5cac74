import { randomUUID } from 'node:crypto';
import { PaymentSucceeded } from '@hub/contracts';
import { expectEventually, KafkaProbe, testInfrastructure } from '@hub/testing';
import { APPLICANT, procedureDraft, uniqueProcedureCode } from './support/catalogue-fixtures';
import { Hub } from './support/hub';

/**
 * Two provinces sync their January dossiers through the gateway, some late, some online, some paid online, some
 * rated not satisfied; the public ranking then shows the hand-computed scores. Agency codes are unique to the
 * run (short form `E<nn>.<nnnn>`): the dossier topics are shared by every run on the broker.
 */
const rand = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');
const GOOD = `E${rand(2)}.${rand(4)}`;
const SLOW = `E${rand(2)}.${rand(4)}`;
const PROCEDURE = uniqueProcedureCode();
const FEES = [{ code: 'LP01', name: 'Lệ phí', amount: 50_000 }];
const PERIOD = '2026-01';
// Fresh consumer groups replay every run's shared topics first (the dossier service the catalogue's, the rating
// service dossier.status-changed.v1, which benchmarks fill with tens of thousands of events): longer than CATCH_UP.
const REPLAY = { timeoutMs: 420_000, intervalMs: 2_000 };

type Plan = { n: number; channel: 'ONLINE' | 'COUNTER'; late: boolean; paid: boolean; rating?: 'SATISFIED' | 'NOT_SATISFIED' };

// Received Monday 5 January; 15 working days → due about 26 January. On time: finished on the 9th; late: the 29th.
const record = (agency: string, p: Plan, version = 1) => {
  const finished = p.late ? '2026-01-29T16:00:00+07:00' : '2026-01-09T16:00:00+07:00';
  return {
    code: `${agency}-260105-${String(p.n).padStart(4, '0')}`,
    version,
    procedureCode: PROCEDURE,
    receivingAgencyCode: agency,
    channel: p.channel,
    status: 9,
    receivedAt: '2026-01-05T09:00:00+07:00',
    statusChangedAt: finished,
    applicant: APPLICANT,
    steps: [
      { at: '2026-01-05T09:00:00+07:00', status: 2 },
      { at: '2026-01-05T10:00:00+07:00', status: 4 },
      { at: finished, status: 9 },
    ],
    documents: [{ name: 'Đơn đề nghị', copies: 1, digitised: true }],
    fees: FEES,
    results: [{ name: 'Giấy phép', electronic: true }],
  };
};

const GOOD_PLANS: Plan[] = [1, 2, 3, 4].map((n) => ({ n, channel: 'ONLINE', late: false, paid: true, rating: n <= 2 ? 'SATISFIED' : undefined }));
const SLOW_PLANS: Plan[] = [
  { n: 1, channel: 'ONLINE', late: false, paid: true, rating: 'SATISFIED' },
  { n: 2, channel: 'ONLINE', late: true, paid: false, rating: 'NOT_SATISFIED' },
  { n: 3, channel: 'COUNTER', late: true, paid: false, rating: 'NOT_SATISFIED' },
  { n: 4, channel: 'COUNTER', late: false, paid: false },
];

describe('the service-quality index through the gateway: two provinces ranked from their synced dossiers', () => {
  let hub: Hub;
  let probe: KafkaProbe;
  const systems = new Map<string, string>();

  beforeAll(async () => {
    hub = await Hub.start();
    probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
    const operator = await hub.registerClient(`index-operator-${rand(6)}`, 'operator', ['catalogue:write']);
    for (const [code, name] of [
      [GOOD, 'Tỉnh mẫu A (e2e)'],
      [SLOW, 'Tỉnh mẫu B (e2e)'],
    ]) {
      const res = await hub.request('POST', '/v1/agencies', { apiKey: operator, body: { code, name, level: 'PROVINCE' } });
      expect(res.status).toBeLessThan(300);
      // Registered without roles: an agency system's defaults include dossier:sync and rating:submit.
      const client = await hub.request('POST', '/v1/admin/api-clients', {
        apiKey: hub.adminKey,
        body: { clientId: `index-${code.replace('.', '-').toLowerCase()}`, name, kind: 'agency-system', agencyCodes: [code] },
      });
      expect(client.status).toBe(201);
      systems.set(code, client.body.apiKey);
    }
    expect((await hub.request('PUT', '/v1/calendars/national/2026', { apiKey: operator, body: { holidays: ['2026-01-01'] } })).status).toBeLessThan(300);
    const sector = await hub.request('POST', '/v1/sectors', { apiKey: operator, body: { code: 'G09-XD01', name: 'Hoạt động xây dựng' } });
    expect(sector.status).toBeLessThan(300);
    const draft = { ...procedureDraft(PROCEDURE, FEES), publishingAgencyCode: GOOD, implementingAgencyCodes: [GOOD, SLOW], publicationDecision: { number: '1/QĐ-UBND', date: '2025-12-20', issuingAgencyCode: GOOD } };
    expect((await hub.request('POST', '/v1/procedures', { apiKey: operator, body: draft })).status).toBe(201);
    expect((await hub.request('POST', `/v1/procedures/${PROCEDURE}/publish`, { apiKey: operator, body: { effectiveFrom: '2025-12-20' } })).status).toBeLessThan(300);
  }, 600_000);

  afterAll(async () => {
    await hub?.stop();
  });

  it('syncs, pays and rates, then ranks the provinces with the hand-computed scores', async () => {
    // The clock needs the procedure and the 2026 calendar in the dossier service: a first record waits for both.
    for (const [agency, plans] of [
      [GOOD, GOOD_PLANS],
      [SLOW, SLOW_PLANS],
    ] as const) {
      let version = 0;
      await expectEventually(async () => {
        version++;
        const res = await hub.request('POST', '/v1/dossiers:sync', { apiKey: systems.get(agency), body: { dossiers: plans.map((p) => record(agency, p, version)) } });
        expect(res.status).toBe(200);
        for (const r of res.body.results) if (r.outcome === 'rejected') throw new Error(`${r.code} rejected: ${JSON.stringify(r.problem)}`);
        for (const r of res.body.results) expect(r).toMatchObject({ outcome: expect.stringMatching(/created|updated/), status: 9, dueAt: expect.any(String) });
      }, REPLAY);
    }

    // Online payments: payment.succeeded.v1 as the payment service will announce them (its provider flow is not in the hub yet).
    const paid = [...GOOD_PLANS.map((p) => ({ agency: GOOD, p })), ...SLOW_PLANS.map((p) => ({ agency: SLOW, p }))].filter(({ p }) => p.paid);
    await probe.send(
      PaymentSucceeded.topic,
      paid.map(({ agency, p }) => {
        const dossierCode = record(agency, p).code;
        const payload = { ...PaymentSucceeded.example, paymentId: randomUUID(), dossierCode, amount: 50_000, succeededAt: '2026-01-08T10:00:00+07:00' };
        return {
          key: dossierCode,
          value: JSON.stringify(payload),
          headers: { 'event-id': randomUUID(), 'event-type': PaymentSucceeded.type, 'event-version': '1', 'occurred-at': new Date().toISOString(), producer: 'payment', 'correlation-id': randomUUID() },
        };
      }),
    );

    // Ratings by each province's kiosk, once the rating service has seen the dossiers finished (its fresh consumer
    // group replays the shared dossier topics first).
    for (const [agency, plans] of [
      [GOOD, GOOD_PLANS],
      [SLOW, SLOW_PLANS],
    ] as const) {
      for (const p of plans.filter((x) => x.rating)) {
        await expectEventually(async () => {
          const res = await hub.request('POST', '/v1/ratings', {
            apiKey: systems.get(agency),
            body: { dossierCode: record(agency, p).code, level: p.rating, channel: 'KIOSK', ratedAt: '2026-01-30T10:00:00+07:00' },
          });
          expect(res.status).toBe(201);
        }, REPLAY);
      }
    }

    const slow = await expectEventually(async () => {
      const res = await hub.request('GET', `/v1/service-index/${SLOW}?period=${PERIOD}`);
      expect(res.status).toBe(200);
      expect(res.body.indicators).toMatchObject({
        onTimeRate: { numerator: 2, denominator: 4 },
        digitisedRate: { numerator: 4, denominator: 4 },
        electronicResultRate: { numerator: 4, denominator: 4 },
        onlineRate: { numerator: 2, denominator: 4 },
        onlinePaymentRate: { numerator: 1, denominator: 4 },
        satisfactionRate: { numerator: 1, denominator: 3 },
      });
      return res.body;
    }, REPLAY);
    // Hand-computed: 10 + 11 + 11 + 6 + 2.5 + 6 = 46.5 points of 82 applicable (no status change reached the hub in
    // January, no procedure version entered then) → 56.71.
    expect(slow.total).toBe(56.71);
    expect(slow.indicators.syncTimeliness).toMatchObject({ denominator: 0, value: null, points: null });

    const good = await expectEventually(async () => {
      const res = await hub.request('GET', `/v1/service-index/${GOOD}?period=${PERIOD}`);
      expect(res.body.indicators).toMatchObject({ onlinePaymentRate: { numerator: 4, denominator: 4 }, satisfactionRate: { numerator: 2, denominator: 2 } });
      return res.body;
    }, REPLAY);
    expect(good.total).toBe(100);
    expect(good.rank).toBeLessThan(slow.rank);

    // The public ranking lists both, in that order (other runs' sample provinces may sit between them).
    const ranking = await hub.request('GET', `/v1/service-index?period=${PERIOD}&level=PROVINCE&pageSize=200`);
    expect(ranking.status).toBe(200);
    const codes = ranking.body.items.map((i: { agencyCode: string }) => i.agencyCode);
    if (codes.includes(SLOW)) expect(codes.indexOf(GOOD)).toBeLessThan(codes.indexOf(SLOW));
    expect(ranking.body.items.find((i: { agencyCode: string }) => i.agencyCode === GOOD) ?? { total: 100, rank: good.rank }).toMatchObject({ total: 100, rank: good.rank });
    // The year sums its months' numerators and denominators.
    const year = await hub.request('GET', `/v1/service-index/${SLOW}?period=2026`);
    expect(year.body.indicators.onTimeRate).toMatchObject({ numerator: 2, denominator: 4 });
  }, 900_000);
});
