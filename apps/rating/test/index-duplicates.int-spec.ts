import { randomUUID } from 'node:crypto';
import { AgencyUpserted, DossierReceived, DossierStatusChanged, EventHeaders, PaymentSucceeded, RatingGiven } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, testKafkaConnection, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { Kafka, logLevel } from 'kafkajs';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';
import { message, REPLAY_TEST_TIMEOUT_MS, REPLAY_WAIT, type Sent } from './index-fixtures';

const TOPICS = [AgencyUpserted, DossierReceived, DossierStatusChanged, PaymentSucceeded, RatingGiven].map((d) => d.topic);
type Marks = Record<string, { partition: number; offset: string }[]>;

/**
 * Two provinces with the same dossiers: TWIN's events arrive once, DUP's every one several times (twice in one chunk,
 * again in a later chunk, re-sent by the producer under a new event id, and once more after a consumer restart).
 * DUP must score exactly as TWIN, and as the hand-computed table.
 */
function twinScenario(agency: string) {
  const d1 = `${agency}-260115-0001`;
  const d2 = `${agency}-260115-0002`;
  const facts = (dossierCode: string, o: Partial<typeof DossierReceived.example>) => ({
    ...DossierReceived.example,
    dossierCode,
    procedureCode: `2.000817.${agency}`,
    receivingAgencyCode: agency,
    receivedAt: '2026-01-15T09:00:00+07:00',
    ...o,
  });
  const finished = (f: ReturnType<typeof facts>, timeliness: 'ON_TIME' | 'LATE', at: string) => ({
    ...f,
    revision: 2,
    from: 4 as const,
    to: 9 as const,
    at,
    source: 'sync' as const,
    timeliness,
    finishedAt: at,
  });
  const f1 = facts(d1, { channel: 'ONLINE', documentsDigitised: true, resultElectronic: true, feeTotal: 50_000 });
  const f2 = facts(d2, { channel: 'COUNTER', documentsDigitised: false, resultElectronic: false, feeTotal: 20_000 });
  const rating = (dossierCode: string, level: 'SATISFIED' | 'NOT_SATISFIED') =>
    message(RatingGiven, { ...RatingGiven.example, ratingId: randomUUID(), dossierCode, procedureCode: f1.procedureCode, receivingAgencyCode: agency, level, ratedAt: '2026-01-22T12:00:00+07:00' }, '2026-01-22T12:00:00+07:00');
  return [
    message(AgencyUpserted, { code: agency, name: `Sample ${agency}`, level: 'PROVINCE', active: true, revision: 1 }, '2026-01-01T00:00:00Z'),
    message(DossierReceived, { ...f1, status: 2, statusChangedAt: f1.receivedAt, source: 'portal' }, '2026-01-15T09:01:00+07:00'),
    message(DossierReceived, { ...f2, status: 2, statusChangedAt: f2.receivedAt, source: 'sync' }, '2026-01-15T10:00:00+07:00'),
    message(DossierStatusChanged, finished(f1, 'ON_TIME', '2026-01-20T10:00:00+07:00'), '2026-01-20T10:05:00+07:00'),
    message(DossierStatusChanged, finished(f2, 'LATE', '2026-01-21T10:00:00+07:00'), '2026-01-21T11:00:00+07:00'),
    message(PaymentSucceeded, { ...PaymentSucceeded.example, paymentId: randomUUID(), dossierCode: d1 }, '2026-01-18T10:00:00+07:00'),
    rating(d1, 'SATISFIED'),
    rating(d2, 'NOT_SATISFIED'),
  ];
}

const sendGrouped = async (probe: KafkaProbe, messages: readonly Sent[]) => {
  for (const topic of TOPICS) {
    const batch = messages.filter((m) => m.topic === topic);
    if (batch.length > 0) await probe.send(topic, batch.map(({ key, value, headers }) => ({ key, value, headers })));
  }
};

describe('service-quality index: duplicated events count once (real broker and database)', () => {
  const kafka = new Kafka({ clientId: 'index-duplicates-test', ...testKafkaConnection(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const groupId = `rating-it-dup-${uniqueSuffix()}`;
  const k = (parseInt(uniqueSuffix(), 16) % 9000) + 1000;
  const TWIN = `H66.${k}`;
  const DUP = `H67.${k}`;
  let service: ServiceUnderTest<RatingConfig>;
  let databaseUrl: string;
  const started: ServiceUnderTest<RatingConfig>[] = [];

  const start = async () => {
    const svc = await startServiceUnderTest({
      service: RATING_SERVICE,
      configClass: RatingConfig,
      module: RatingAppModule.forRoot,
      // The same database and consumer group on a restart (the throwaway database it also creates stays unused).
      env: { KAFKA_GROUP_ID: groupId, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    started.push(svc);
    return svc;
  };
  const detail = async (code: string) => {
    const res = await service.app.inject({ method: 'GET', url: `/v1/service-index/${code}?period=2026-01` });
    expect(res.statusCode).toBe(200);
    const { agencyCode: _a, name: _n, rank: _r, ...figures } = res.json();
    return figures;
  };
  const marks = async (): Promise<Marks> =>
    Object.fromEntries(await Promise.all(TOPICS.map(async (t) => [t, (await admin.fetchTopicOffsets(t)).map((p) => ({ partition: p.partition, offset: p.high }))])));
  /** The group has committed every message up to `target` on the index's topics: whatever was sent before is applied. */
  const caughtUp = (target: Marks) =>
    expectEventually(async () => {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: TOPICS })) {
        for (const { partition, offset } of target[topic]) {
          const committed = partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          expect(`${topic}[${partition}] ${Number(committed) >= Number(offset) || offset === '0' ? 'applied' : `at ${committed} of ${offset}`}`).toBe(`${topic}[${partition}] applied`);
        }
      }
    }, REPLAY_WAIT);

  beforeAll(async () => {
    await admin.connect();
    for (const t of TOPICS) await probe.ensureTopic(t);
    // The group starts where the shared topics end now: what other runs left there is not this test's business.
    const now = await marks();
    for (const topic of TOPICS) await admin.setOffsets({ groupId, topic, partitions: now[topic] });
    service = await start();
    databaseUrl = service.db.url;
  }, REPLAY_TEST_TIMEOUT_MS);

  afterAll(async () => {
    for (const svc of started) await svc.app.close().catch(() => undefined);
    for (const svc of started) await svc.db.drop().catch(() => undefined);
    await admin.disconnect();
    await probe.close();
  });

  it('scores a province whose every event arrived several times exactly as its twin that got each once', async () => {
    const before = await marks();
    const dup = twinScenario(DUP);
    // Twice in one send (one consumer chunk: the per-chunk batch path), then the twin, then again later (another
    // chunk: the inbox), then re-sent by the producer under new event ids (same revision, payment and rating ids).
    await sendGrouped(probe, dup.flatMap((m) => [m, m]));
    await sendGrouped(probe, twinScenario(TWIN));
    await sendGrouped(probe, dup);
    await sendGrouped(probe, dup.map((m) => ({ ...m, headers: { ...m.headers, [EventHeaders.EventId]: randomUUID() } })));
    await caughtUp(await marks());

    const twin = await detail(TWIN);
    // Hand-computed: sync 12 + on time 1/2 → 10 + digitised 1/2 → 5.5 + electronic 1/2 → 5.5 + online 1/2 → 6
    // + paid online 1/2 → 5 + satisfied 1/2 → 9 = 53 of 94 applicable (no procedure version) → 56.38.
    expect(twin.indicators).toMatchObject({
      syncTimeliness: { numerator: 4, denominator: 4 },
      onTimeRate: { numerator: 1, denominator: 2 },
      digitisedRate: { numerator: 1, denominator: 2 },
      electronicResultRate: { numerator: 1, denominator: 2 },
      onlineRate: { numerator: 1, denominator: 2 },
      onlinePaymentRate: { numerator: 1, denominator: 2 },
      satisfactionRate: { numerator: 1, denominator: 2 },
    });
    expect(twin.total).toBe(56.38);
    expect(await detail(DUP)).toEqual(twin);

    // A restart that is handed every one of them again (the group's offsets set back to before the first send).
    await service.app.close();
    for (const topic of TOPICS) await admin.setOffsets({ groupId, topic, partitions: before[topic] });
    service = await start();
    const after = await marks();
    await caughtUp(after);
    expect(await detail(DUP)).toEqual(twin);
    expect(await detail(TWIN)).toEqual(twin);
  }, 3 * REPLAY_TEST_TIMEOUT_MS);
});
