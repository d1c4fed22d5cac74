import { randomUUID } from 'node:crypto';
import { deadLetterTopic, DeadLetterHeaders, DossierReceived, DossierStatus, EventHeaders } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';
import { REPLAY_TEST_TIMEOUT_MS, REPLAY_WAIT } from './index-fixtures';

function envelope(eventId = randomUUID()): Record<string, string> {
  return {
    [EventHeaders.EventId]: eventId,
    [EventHeaders.EventType]: DossierReceived.type,
    [EventHeaders.EventVersion]: String(DossierReceived.version),
    [EventHeaders.Producer]: DossierReceived.owner,
    [EventHeaders.CorrelationId]: randomUUID(),
  };
}

/** What online intake through the hub announces: first sight at status 1, from the hub. */
function received(dossierCode: string): string {
  return JSON.stringify({ ...DossierReceived.example, dossierCode, channel: 'ONLINE', status: DossierStatus.Submitted, dueAt: null, dueDateState: 'NOT_STARTED', source: 'hub' });
}

// Formerly on dossier.submitted.v1 (retired): rating learns online submissions from dossier.received.v1, whose
// handler (DossierLifecycleConsumer.received, a batch consumer) feeds the rating windows and the index.
describe('rating consumes dossier.received.v1 from the real broker: inbox, DLQ and eligibility', () => {
  let service: ServiceUnderTest<RatingConfig>;
  let dataSource: DataSource;
  const infra = testInfrastructure();
  const probe = new KafkaProbe(infra.kafkaBrokers);
  const dlq = new KafkaProbe(infra.kafkaBrokers);
  const run = uniqueSuffix();
  // Codes unique to this run, so earlier runs' messages on the shared topic don't interfere.
  const code = (n: number) => `H55.${(parseInt(run, 16) % 9000) + 1000}-261126-${String(n).padStart(4, '0')}`;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: RATING_SERVICE, configClass: RatingConfig, module: RatingAppModule.forRoot,
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    dataSource = service.app.get(DataSource);
    await dlq.watch(deadLetterTopic(DossierReceived.topic));
  });

  afterAll(async () => {
    await Promise.all([probe.close(), dlq.close()]);
    await service?.close();
  });

  const rows = async (dossierCode: string) => Number((await dataSource.query('SELECT count(*) AS n FROM rateable_dossier WHERE dossier_code = $1', [dossierCode]))[0].n);

  it('applies the same event delivered twice only once', async () => {
    const headers = envelope();
    await probe.send(DossierReceived.topic, [
      { key: code(1), value: received(code(1)), headers },
      { key: code(1), value: received(code(1)), headers },
    ]);
    await expectEventually(async () => expect(await rows(code(1))).toBe(1), REPLAY_WAIT);
    const [{ n }] = await dataSource.query('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [headers[EventHeaders.EventId]]);
    expect(Number(n)).toBe(1);
  }, REPLAY_TEST_TIMEOUT_MS);

  it('parks a poison message on the DLQ with its reason and still processes the next one on that partition', async () => {
    const poisonId = randomUUID();
    // Same key → same partition: the valid message sits right behind the poison one.
    await probe.send(DossierReceived.topic, [
      { key: code(2), value: JSON.stringify({ dossierCode: code(2), status: 'bogus' }), headers: envelope(poisonId) },
      { key: code(2), value: received(code(2)), headers: envelope() },
    ]);
    await expectEventually(async () => expect(await rows(code(2))).toBe(1));
    const parked = await expectEventually(() => {
      const m = dlq.messages.find((d) => d.headers[EventHeaders.EventId] === poisonId);
      expect(m).toBeDefined();
      return m!;
    });
    expect(parked.headers[DeadLetterHeaders.Reason]).toBe('INVALID_PAYLOAD');
    expect(parked.headers[DeadLetterHeaders.Error]).toContain('procedureCode');
    expect(parked.headers[DeadLetterHeaders.OriginalTopic]).toBe(DossierReceived.topic);
    expect(parked.headers[DeadLetterHeaders.Consumer]).toBe(`${service.config.KAFKA_GROUP_ID}:DossierLifecycleConsumer.received`);

    const metrics = (await service.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/hub_consumer_events_total\{[^}]*topic="dossier.received.v1"[^}]*outcome="dead_lettered"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/hub_consumer_events_total\{[^}]*outcome="duplicate"[^}]*\} [1-9]/);
  });

  it('serves eligibility only to callers allowed to see the dossier', async () => {
    await expectEventually(async () => expect(await rows(code(1))).toBe(1));
    const identity = (agencyCodes: string[]) => service.identity({ kind: 'agency-system', agencyCodes, roles: ['rating:read'] });
    const own = await service.app.inject({ method: 'GET', url: `/v1/ratings/eligibility/${code(1)}`, headers: { 'x-hub-identity': identity([DossierReceived.example.receivingAgencyCode]) } });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ canRate: false, reason: 'NOT_YET_RECEIVED' });
    const other = await service.app.inject({ method: 'GET', url: `/v1/ratings/eligibility/${code(1)}`, headers: { 'x-hub-identity': identity(['000.00.00.H01']) } });
    expect(other.statusCode).toBe(404);
    const bare = await service.app.inject({ method: 'GET', url: `/v1/ratings/eligibility/${code(1)}` });
    expect(bare.statusCode).toBe(401);
    const malformed = await service.app.inject({ method: 'GET', url: '/v1/ratings/eligibility/not-a-code', headers: { 'x-hub-identity': identity([]) } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ field: 'dossierCode', code: 'INVALID_FORMAT' })]);
  });
});
