import { randomUUID } from 'node:crypto';
import { DossierReceived, EventHeaders, RatingGiven, type DossierReceivedV1 } from '@hub/contracts';
import { MessagingLifecycle, type ConsumedEvent } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';
import { DossierLifecycleConsumer } from '../src/service-index/consumers/index.consumers';

describe('ratings API (real database and broker)', () => {
  let service: ServiceUnderTest<RatingConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const k = (parseInt(uniqueSuffix(), 16) % 9000) + 1000;
  const agency = `H66.${k}`;
  const other = `H67.${k}`;
  const code = (n: number) => `${agency}-260115-${String(n).padStart(4, '0')}`;

  const as = (kind: 'portal' | 'agency-system' | 'operator', agencyCodes: string[] = []) => ({
    'x-hub-identity': service.identity({ kind, agencyCodes, roles: ['rating:read', 'rating:submit'] }),
  });
  const post = (url: string, payload: object, headers = as('portal')) => service.app.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = as('portal')) => service.app.inject({ method: 'GET', url, headers });
  const rating = (n: number, o: object = {}) => ({ dossierCode: code(n), level: 'SATISFIED', channel: 'KIOSK', ratedAt: '2026-01-20T10:00:00+07:00', ...o });

  /** The dossier as the service learns it from dossier.received (handed to its consumer directly: no replay wait). */
  const receive = async (n: number, status: number) => {
    const payload = { ...DossierReceived.example, dossierCode: code(n), receivingAgencyCode: agency, status, revision: 1 };
    const event: ConsumedEvent<DossierReceivedV1> = {
      payload,
      eventId: randomUUID(),
      key: payload.dossierCode,
      topic: DossierReceived.topic,
      partition: 0,
      offset: '0',
      occurredAt: new Date().toISOString(),
      producer: 'dossier',
      correlationId: randomUUID(),
    };
    await service.app.get(DataSource).transaction((tx) => service.app.get(DossierLifecycleConsumer).received([event], tx));
  };

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: RATING_SERVICE, configClass: RatingConfig, module: RatingAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
    await probe.watch(RatingGiven.topic);
    await receive(1, 2);
    await receive(2, 4);
    await receive(3, 9);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it("records a rating in the window and announces it without the comment, under the request's correlation id", async () => {
    const correlationId = `rating-${randomUUID()}`;
    const headers = { ...as('portal'), 'x-correlation-id': correlationId };
    const res = await post('/v1/ratings', rating(1, { comment: 'Cán bộ hướng dẫn tận tình', criteria: [{ criterion: 'STAFF_ATTITUDE', level: 'VERY_SATISFIED' }] }), headers);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ dossierCode: code(1), level: 'SATISFIED', active: true });
    const event = await expectEventually(() => {
      const m = probe.messages.find((x) => x.value && JSON.parse(x.value).ratingId === body.ratingId);
      expect(m).toBeDefined();
      return m!;
    });
    expect(event.key).toBe(code(1));
    expect(event.value).not.toContain('tận tình');
    expect(JSON.parse(event.value!)).toMatchObject({ receivingAgencyCode: agency, level: 'SATISFIED', criteria: [{ criterion: 'STAFF_ATTITUDE', level: 'VERY_SATISFIED' }] });
    expect(event.headers[EventHeaders.EventType]).toBe('rating.given');
    expect(event.headers[EventHeaders.CorrelationId]).toBe(correlationId);
  });

  it('refuses a rating outside the window (409 with the reason) and for unknown or foreign dossiers alike (404)', async () => {
    const closed = await post('/v1/ratings', rating(2));
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'RATING_WINDOW_CLOSED', dossierStatus: 4, reason: 'NOT_AT_A_RATING_POINT' });
    const beforeReceipt = await post('/v1/ratings', rating(1, { ratedAt: '2026-01-11T10:00:00+07:00' }));
    expect(beforeReceipt.statusCode).toBe(409);
    expect(beforeReceipt.json()).toMatchObject({ code: 'RATING_WINDOW_CLOSED', dossierStatus: 2, reason: 'RATED_BEFORE_RECEIPT' });
    const unknown = await post('/v1/ratings', rating(99));
    const foreign = await post('/v1/ratings', rating(1), as('agency-system', [other]));
    expect(unknown.statusCode).toBe(404);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe(unknown.json().code);
  });

  it.each([
    ['a level that does not exist', { level: 'DELIGHTED' }, 'level'],
    ['an unknown criterion', { criteria: [{ criterion: 'PARKING', level: 'SATISFIED' }] }, 'criteria.0.criterion'],
    ['a criterion rated twice', { criteria: [{ criterion: 'FEES', level: 'SATISFIED' }, { criterion: 'FEES', level: 'NOT_SATISFIED' }] }, 'criteria.1.criterion'],
    ['a comment over 2,000 characters', { comment: 'x'.repeat(2001) }, 'comment'],
    ['an unknown channel', { channel: 'FAX' }, 'channel'],
    ['an unknown field', { stars: 5 }, 'stars'],
    ['a rating from the future', { ratedAt: '2999-01-01T00:00:00Z' }, 'ratedAt'],
  ])('rejects %s with a 400 problem naming the field', async (_what, change, field) => {
    const res = await post('/v1/ratings', rating(1, change));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('keeps the history, the latest active, and shows comments only to the owning agency and operators', async () => {
    expect((await post('/v1/ratings', rating(3, { level: 'SATISFIED', comment: 'lần đầu', ratedAt: '2026-01-21T10:00:00+07:00' }))).statusCode).toBe(201);
    const later = await post('/v1/ratings', rating(3, { level: 'NOT_SATISFIED', comment: 'chậm', ratedAt: '2026-01-22T10:00:00+07:00' }));
    expect(later.json().active).toBe(true);
    const earlier = await post('/v1/ratings', rating(3, { level: 'VERY_SATISFIED', ratedAt: '2026-01-20T09:00:00+07:00' }));
    expect(earlier.json().active).toBe(false); // given earlier: kept in the history, not active
    const own = (await get(`/v1/ratings?dossierCode=${code(3)}`, as('agency-system', [agency]))).json();
    expect(own.ratings.map((r: { level: string; active: boolean; comment: string | null }) => [r.level, r.active, r.comment])).toEqual([
      ['NOT_SATISFIED', true, 'chậm'],
      ['SATISFIED', false, 'lần đầu'],
      ['VERY_SATISFIED', false, null],
    ]);
    expect((await get(`/v1/ratings?dossierCode=${code(3)}`, as('operator'))).json().ratings[0].comment).toBe('chậm');
    const portal = (await get(`/v1/ratings?dossierCode=${code(3)}`)).json();
    expect(portal.ratings).toHaveLength(3);
    expect(portal.ratings.every((r: object) => !('comment' in r))).toBe(true);
    expect((await get(`/v1/ratings?dossierCode=${code(3)}`, as('agency-system', [other]))).statusCode).toBe(404);
  });

  it('syncs a batch with per-item results, idempotent on the source rating id', async () => {
    const items = [
      { ...rating(1, { ratedAt: '2026-01-25T10:00:00+07:00', level: 'VERY_SATISFIED' }), sourceRatingId: `S-${k}-1` },
      { ...rating(2), sourceRatingId: `S-${k}-2` },
      { ...rating(1, { level: 'MEH' }), sourceRatingId: `S-${k}-3` },
    ];
    const kiosk = as('agency-system', [agency]);
    const first = await post('/v1/ratings:sync', { ratings: items }, kiosk);
    expect(first.statusCode).toBe(200);
    const results = first.json().results;
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'rejected', 'rejected']);
    expect(results[1].problem.code).toBe('RATING_WINDOW_CLOSED');
    expect(results[2].problem).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'level' })] });
    const again = (await post('/v1/ratings:sync', { ratings: [items[0]] }, kiosk)).json().results[0];
    expect(again).toMatchObject({ outcome: 'duplicate', ratingId: results[0].ratingId });
    const tooMany = await post('/v1/ratings:sync', { ratings: Array.from({ length: 1001 }, () => items[0]) }, kiosk);
    expect(tooMany.statusCode).toBe(400);
  });

  it('summarises the active ratings per level and criterion', async () => {
    const res = await get(`/v1/ratings/summary?agency=${agency}&from=2026-01-01&to=2026-01-31`, as('operator'));
    expect(res.statusCode).toBe(200);
    // Dossier 1: active = the synced VERY_SATISFIED (25 Jan); dossier 3: NOT_SATISFIED (22 Jan).
    expect(res.json()).toMatchObject({ total: 2, levels: { VERY_SATISFIED: 1, SATISFIED: 0, NOT_SATISFIED: 1 } });
    expect((await get(`/v1/ratings/summary?agency=${agency}&from=2026-02-01&to=2026-01-01`, as('operator'))).statusCode).toBe(400);
  });
});
