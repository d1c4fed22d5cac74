import { ProcedurePublished, type ProcedurePublishedV1 } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';
import { RecordAgencyUseCase, RecordProcedureVersionUseCase } from '../src/service-index/usecases/record-catalogue.usecases';
import { DataSource } from 'typeorm';
import { indexScenario, REPLAY_WAIT, sendAll } from './index-fixtures';

const REPLAY = REPLAY_WAIT;

const start = () =>
  startServiceUnderTest({ service: RATING_SERVICE, configClass: RatingConfig, module: RatingAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });

describe('service-quality index fed by events (real broker and database)', () => {
  let service: ServiceUnderTest<RatingConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const s = indexScenario(uniqueSuffix());

  const get = async (svc: ServiceUnderTest<RatingConfig>, url: string) => {
    const res = await svc.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };
  const detail = (svc: ServiceUnderTest<RatingConfig>, code: string) => get(svc, `/v1/service-index/${code}?period=2026-01`);

  beforeAll(async () => {
    service = await start();
    await sendAll(probe, s.messages);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('scores each agency over its subtree, exactly as the hand-computed table', async () => {
    const p1 = await expectEventually(async () => {
      const r = await detail(service, s.P1);
      expect(r.body.level).toBe('PROVINCE');
      expect((await detail(service, s.C1)).body.level).toBe('COMMUNE');
      expect(r.body.indicators?.satisfactionRate).toMatchObject({ numerator: 1, denominator: 2 });
      expect(r.body.indicators?.onlinePaymentRate).toMatchObject({ numerator: 1, denominator: 1 });
      expect(r.body.indicators?.syncTimeliness).toMatchObject({ numerator: 6, denominator: 6 });
      expect(r.body.indicators?.digitisedRate).toMatchObject({ numerator: 1, denominator: 3 });
      expect(r.body.indicators?.onTimeRate).toMatchObject({ numerator: 1, denominator: 2 });
      return r;
    }, REPLAY);
    expect(p1.status).toBe(200);
    // (12 + 10 + 11/3 + 5.5 + 8 + 10 + 9) / 94 × 100 = 61.879… (catalogue not applicable)
    expect(p1.body).toMatchObject({ agencyCode: s.P1, period: '2026-01', level: 'PROVINCE', total: 61.88 });
    expect(p1.body.indicators.electronicResultRate).toEqual({ numerator: 1, denominator: 2, value: 0.5, target: 1, weight: 11, points: 5.5 });
    expect(p1.body.indicators.catalogueTimeliness).toMatchObject({ denominator: 0, value: null, points: null });
    expect(p1.body.groups).toEqual({
      PUBLICITY: { points: 12, max: 12 },
      PROGRESS: { points: 10, max: 20 },
      DIGITISATION: { points: 9.17, max: 22 },
      ONLINE: { points: 18, max: 22 },
      SATISFACTION: { points: 9, max: 18 },
    });
    expect((await detail(service, s.U1)).body).toMatchObject({ total: 61.7, level: 'UNIT' });
    const c1 = (await detail(service, s.C1)).body;
    expect(c1).toMatchObject({ total: 14.29, level: 'COMMUNE' });
    expect(c1.indicators.onlinePaymentRate).toMatchObject({ denominator: 0, value: null, points: null });
    await expectEventually(async () => expect((await detail(service, s.P2)).body.total).toBe(78.95));
  }, 2 * REPLAY.timeoutMs);

  it('ranks provinces, sums a year, and charts months', async () => {
    await expectEventually(async () => expect((await detail(service, s.P2)).body.total).toBe(78.95));
    const [p1, p2] = [(await detail(service, s.P1)).body, (await detail(service, s.P2)).body];
    expect(p2.rank).toBeLessThan(p1.rank);
    const page = await get(service, '/v1/service-index?period=2026-01&level=PROVINCE&pageSize=200');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ period: '2026-01', level: 'PROVINCE', page: 1, pageSize: 200 });
    const year = (await get(service, `/v1/service-index/${s.P1}?period=2026`)).body;
    expect(year.total).toBe(61.88);
    const history = await get(service, `/v1/service-index/${s.P1}/history?from=2025-12&to=2026-02`);
    expect(history.body.months).toEqual([
      { period: '2025-12', total: null, rank: null },
      { period: '2026-01', total: 61.88, rank: p1.rank },
      { period: '2026-02', total: null, rank: null },
    ]);
  });

  it('answers bad periods and levels with 400 problems, unknown agencies with 404', async () => {
    const month13 = await get(service, '/v1/service-index?period=2026-13&level=PROVINCE');
    expect(month13.status).toBe(400);
    expect(month13.body.errors).toEqual([expect.objectContaining({ field: 'period' })]);
    const galaxy = await get(service, '/v1/service-index?period=2026-01&level=GALAXY');
    expect(galaxy.status).toBe(400);
    expect(galaxy.body.errors).toEqual([expect.objectContaining({ field: 'level' })]);
    expect((await get(service, `/v1/service-index/${s.P1}?period=26`)).status).toBe(400);
    expect((await get(service, `/v1/service-index/${s.P1}/history?from=2026-03&to=2026-01`)).status).toBe(400);
    const unknown = await get(service, '/v1/service-index/H09.9999?period=2026-01');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SERVICE_INDEX_AGENCY_NOT_FOUND');
  });

  it('applies new targets on the next read, for operators only', async () => {
    await expectEventually(async () => expect((await detail(service, s.P1)).body.total).toBe(61.88), { timeoutMs: 40_000 });
    const put = (kind: 'operator' | 'agency-system', body: object) =>
      service.app.inject({ method: 'PUT', url: '/v1/service-index/targets', payload: body, headers: { 'x-hub-identity': service.identity({ kind, roles: ['rating:read'] }) } });
    expect((await put('agency-system', { onTimeRate: 0.5 })).statusCode).toBe(403);
    expect((await put('operator', { onTimeRate: 0 })).statusCode).toBe(400);
    expect((await put('operator', { galaxy: 0.5 })).statusCode).toBe(400);
    const ok = await put('operator', { onTimeRate: 0.5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ onTimeRate: 0.5, satisfactionRate: 1 });
    // onTimeRate 1/2 against 0.5 earns the full 20: 68.1666… / 94 = 72.517…
    expect((await detail(service, s.P1)).body.total).toBe(72.52);
    expect((await put('operator', { onTimeRate: 1 })).statusCode).toBe(200);
  });

  it('counts a procedure version once, for its publishing agency, in the month it was entered', async () => {
    // Through the use cases (the shared broker's catalogue topic holds tens of thousands of other runs' versions).
    const tx = service.app.get(DataSource);
    const agency = `H65.${s.P1.split('.')[1]}`;
    await tx.transaction((m) => service.app.get(RecordAgencyUseCase).execute(m, { code: agency, name: 'Sample', level: 'MINISTRY', active: true, revision: 1 }));
    const version = (v: number, publishedAt: string): ProcedurePublishedV1 => ({
      ...ProcedurePublished.example,
      entryTimeliness: undefined,
      code: `2.000816.${agency}`,
      version: v,
      publishingAgencyCode: agency,
      publicationDecision: { number: `${v}/QĐ-UBND`, date: '2026-01-05', issuingAgencyCode: agency },
      publishedAt,
    });
    const record = (p: ProcedurePublishedV1) => tx.transaction((m) => service.app.get(RecordProcedureVersionUseCase).execute(m, p));
    await record(version(1, '2026-01-09T09:00:00+07:00')); // 4 working days after Monday 5 January: within 5
    await record(version(1, '2026-01-09T09:00:00+07:00')); // the same version again
    await record(version(2, '2026-01-13T09:00:00+07:00')); // 6 working days: late
    await record({ ...version(3, '2026-01-06T09:00:00+07:00'), entryTimeliness: 'LATE' }); // the catalogue's judgement wins
    await record({ ...version(4, '2026-01-06T09:00:00+07:00'), entryTimeliness: 'UNKNOWN' }); // cannot be judged: not counted
    const body = (await detail(service, agency)).body;
    expect(body.indicators.catalogueTimeliness).toMatchObject({ numerator: 1, denominator: 3, points: 2 });
    expect(body.total).toBe(33.33);
  });

  it('rebuilds identical scores from an empty database by replaying the topics', async () => {
    await expectEventually(async () => expect((await detail(service, s.P2)).body.total).toBe(78.95));
    const before = await Promise.all([s.P1, s.U1, s.C1, s.P2].map(async (c) => (await detail(service, c)).body));
    await service.close(); // drops its database
    service = await start(); // new database, new consumer group: reads every topic from the beginning
    await expectEventually(
      async () => {
        const after = await Promise.all([s.P1, s.U1, s.C1, s.P2].map(async (c) => (await detail(service, c)).body));
        // Ranks depend on other runs' agencies still being replayed; everything else must be identical.
        expect(after.map(({ rank: _r, ...rest }) => rest)).toEqual(before.map(({ rank: _r, ...rest }) => rest));
      },
      REPLAY,
    );
  }, 2 * REPLAY.timeoutMs);
});
