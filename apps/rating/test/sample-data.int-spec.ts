import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { AgencyUpserted, DossierReceived, DossierStatusChanged, PaymentSucceeded, RatingGiven, type DossierStatus } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, testKafkaConnection, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { Kafka, logLevel } from 'kafkajs';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';
import { message, REPLAY_TEST_TIMEOUT_MS, REPLAY_WAIT, sendAll, type Sent } from './index-fixtures';

interface SampleRecord {
  code: string;
  procedureCode: string;
  receivingAgencyCode: string;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';
  status: DossierStatus;
  receivedAt: string;
  statusChangedAt: string;
  steps: { at: string; status: DossierStatus }[];
  documents: { digitised: boolean }[];
  fees: { amount: number }[];
  results: { electronic: boolean }[];
}
interface SamplePlan {
  records: SampleRecord[];
  ratings: object[];
  paid: string[];
}

/** What `npm start` sends (tools/sample-dossiers.mjs, an ES module), for agencies of this run. */
function samplePlan(agencies: { agency: string; procedures: { code: string; channels: string[] }[] }[], now: number): SamplePlan {
  const script = `import { samplePlan } from ${JSON.stringify(resolve(__dirname, '../../../tools/sample-dossiers.mjs'))};
    process.stdout.write(JSON.stringify(samplePlan(${JSON.stringify(agencies)}, ${now})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const DAY = 86_400_000;

/**
 * The dossier events the dossier service writes for a first-sight sync record (its planChanges): the first move
 * is the receipt, every later status change one event, all with the record's facts. Timeliness is the dossier
 * service's judgement against the procedure's time limit; the sample makes it plain: a late dossier finishes 60
 * days after its receipt, past every sample time limit, the others within hours.
 */
function dossierEvents(r: SampleRecord, syncedAt: string): Sent[] {
  const moves = [...r.steps, { at: r.statusChangedAt, status: r.status }].filter((m, i, all) => i === 0 || m.status !== all[i - 1].status);
  const finishedAt = moves.find((m) => m.status === 9)?.at ?? null;
  const facts = {
    ...DossierReceived.example,
    dossierCode: r.code,
    procedureCode: r.procedureCode,
    receivingAgencyCode: r.receivingAgencyCode,
    channel: r.channel,
    receivedAt: r.receivedAt,
    feeTotal: r.fees.reduce((sum, f) => sum + f.amount, 0),
    documentsDigitised: r.documents.length > 0 && r.documents.every((d) => d.digitised),
    resultElectronic: r.results.some((x) => x.electronic),
  };
  const timeliness = finishedAt && Date.parse(finishedAt) - Date.parse(r.receivedAt) > 30 * DAY ? 'LATE' : 'ON_TIME';
  return moves.map((m, i) =>
    i === 0
      ? message(DossierReceived, { ...facts, revision: 1, status: m.status, statusChangedAt: m.at, source: 'sync' }, syncedAt)
      : message(
          DossierStatusChanged,
          {
            ...facts,
            revision: i + 1,
            from: moves[i - 1].status,
            to: m.status,
            at: m.at,
            source: 'sync',
            timeliness: m.status === 9 || m.status === 10 ? timeliness : null,
            finishedAt: m.status === 9 || m.status === 10 ? finishedAt : null,
          },
          syncedAt,
        ),
  );
}

describe('npm start sample data ranks the sample agencies apart (real broker and database)', () => {
  let service: ServiceUnderTest<RatingConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const k = (parseInt(uniqueSuffix(), 16) % 9000) + 1000;
  // Like the sample system's agencies: two departments of a province and a commune.
  const PROVINCE = `H68.${k}`;
  const AGENCIES = [`H69.${k}`, `H70.${k}`, `H71.${k}`];
  const channels = ['ONLINE', 'COUNTER'];
  const plan = samplePlan(
    AGENCIES.map((agency, a) => ({ agency, procedures: Array.from({ length: a + 1 }, (_, p) => ({ code: `2.0009${a}${p}.${PROVINCE}`, channels })) })),
    Date.parse('2026-12-01T03:00:00Z'),
  );
  const kiosk = () => ({ 'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: AGENCIES, roles: ['rating:read', 'rating:submit'] }) });
  const get = async (url: string) => {
    const res = await service.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    // The group starts where the index's shared topics end now: other runs' backlog is not this test's business.
    const groupId = `rating-it-sample-${uniqueSuffix()}`;
    const admin = new Kafka({ clientId: 'sample-data-test', ...testKafkaConnection(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    for (const def of [AgencyUpserted, DossierReceived, DossierStatusChanged, PaymentSucceeded, RatingGiven]) {
      await probe.ensureTopic(def.topic);
      const partitions = (await admin.fetchTopicOffsets(def.topic)).map((p) => ({ partition: p.partition, offset: p.high }));
      await admin.setOffsets({ groupId, topic: def.topic, partitions });
    }
    await admin.disconnect();
    service = await startServiceUnderTest({
      service: RATING_SERVICE,
      configClass: RatingConfig,
      module: RatingAppModule.forRoot,
      env: { KAFKA_GROUP_ID: groupId },
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    const syncedAt = '2026-12-01T10:00:00+07:00';
    await sendAll(probe, [
      message(AgencyUpserted, { code: PROVINCE, name: 'Tỉnh mẫu', level: 'PROVINCE', active: true, revision: 1 }, syncedAt),
      ...AGENCIES.map((code, a) => message(AgencyUpserted, { code, name: `Đơn vị mẫu ${a}`, level: a < 2 ? 'UNIT' : 'COMMUNE', parentCode: PROVINCE, active: true, revision: 1 }, syncedAt)),
    ]);
    const events = plan.records.flatMap((r) => dossierEvents(r, syncedAt));
    for (const topic of [DossierReceived.topic, DossierStatusChanged.topic]) {
      const batch = events.filter((m) => m.topic === topic);
      for (let i = 0; i < batch.length; i += 200) await probe.send(topic, batch.slice(i, i + 200));
    }
    // Online payments as the payment service announces them once the sandbox has said paid.
    await sendAll(probe, plan.paid.map((dossierCode) => message(PaymentSucceeded, { ...PaymentSucceeded.example, paymentId: randomUUID(), dossierCode }, syncedAt)));
  }, REPLAY_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('plans late, paid online and not satisfied dossiers for every sample agency', () => {
    expect(plan.records).toHaveLength(300);
    expect(new Set(plan.records.map((r) => r.code)).size).toBe(300);
    for (const agency of AGENCIES) {
      const own = plan.records.filter((r) => r.receivingAgencyCode === agency);
      const finishedLate = own.filter((r) => r.status >= 9 && dossierEvents(r, r.statusChangedAt).some((m) => JSON.parse(m.value).timeliness === 'LATE'));
      expect(finishedLate.length).toBeGreaterThan(0);
      expect(plan.paid.filter((c) => c.startsWith(agency)).length).toBeGreaterThan(0);
      expect(plan.ratings.filter((x) => JSON.stringify(x).includes(agency) && JSON.stringify(x).includes('NOT_SATISFIED')).length).toBeGreaterThan(0);
    }
  });

  it('syncs the sample ratings through the API, and the index ranks the two departments apart', async () => {
    // The kiosk's batch, sent again while the rating service is still learning the dossiers from their events.
    const outcomes = await expectEventually(async () => {
      const res = await service.app.inject({ method: 'POST', url: '/v1/ratings:sync', payload: { ratings: plan.ratings }, headers: kiosk() });
      expect(res.statusCode).toBe(200);
      const results: { outcome: string; problem?: { code: string } }[] = res.json().results;
      expect(results.filter((r) => r.outcome === 'rejected').map((r) => r.problem?.code)).toEqual([]);
      return results;
    }, REPLAY_WAIT);
    expect(outcomes).toHaveLength(plan.ratings.length);

    const year = await expectEventually(async () => {
      const details = await Promise.all(AGENCIES.map(async (code) => (await get(`/v1/service-index/${code}?period=2026`)).body));
      for (const d of details) {
        expect(d.indicators.onTimeRate.numerator).toBeLessThan(d.indicators.onTimeRate.denominator);
        expect(d.indicators.onlinePaymentRate.numerator).toBeGreaterThan(0);
        expect(d.indicators.satisfactionRate.numerator).toBeLessThan(d.indicators.satisfactionRate.denominator);
      }
      expect(details.reduce((n, d) => n + d.indicators.satisfactionRate.denominator, 0)).toBe(plan.ratings.length);
      return details;
    }, REPLAY_WAIT);
    const [first, second] = year;
    expect(first.total).not.toBeNull();
    expect(second.total).not.toBeNull();
    expect(first.total).not.toBe(second.total);

    // The public ranking of the departments' level shows the difference.
    const ours: { agencyCode: string; total: number; rank: number }[] = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const ranking = await get(`/v1/service-index?period=2026&level=UNIT&page=${page}&pageSize=200`);
      expect(ranking.status).toBe(200);
      pages = Math.ceil(ranking.body.total / 200);
      ours.push(...ranking.body.items.filter((i: { agencyCode: string }) => AGENCIES.includes(i.agencyCode)));
    }
    expect(ours.map((i: { total: number }) => i.total).sort()).toEqual([first.total, second.total].sort());
    expect(ours[0].rank).toBeLessThan(ours[1].rank);
  }, 2 * REPLAY_TEST_TIMEOUT_MS);
});
