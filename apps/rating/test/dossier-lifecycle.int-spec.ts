import { randomUUID } from 'node:crypto';
import { DossierReceived, DossierStatusChanged, EventHeaders, type EventDefinition } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';
import { REPLAY_TEST_TIMEOUT_MS, REPLAY_WAIT } from './index-fixtures';

const envelope = (def: EventDefinition): Record<string, string> => ({
  [EventHeaders.EventId]: randomUUID(),
  [EventHeaders.EventType]: def.type,
  [EventHeaders.EventVersion]: String(def.version),
  [EventHeaders.Producer]: def.owner,
});

describe('rating follows dossier.received.v1 and dossier.status-changed.v1 (real broker)', () => {
  let service: ServiceUnderTest<RatingConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const agency = `H55.${(parseInt(uniqueSuffix(), 16) % 9000) + 1000}`;
  const code = `${agency}-260112-0001`;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: RATING_SERVICE, configClass: RatingConfig, module: RatingAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('keeps the newest status whatever the order the topics deliver in', async () => {
    const facts = { dossierCode: code, receivingAgencyCode: agency };
    await probe.send(DossierStatusChanged.topic, [
      { key: code, value: JSON.stringify({ ...DossierStatusChanged.example, ...facts, revision: 3, from: 4, to: 9 }), headers: envelope(DossierStatusChanged) },
      { key: code, value: JSON.stringify({ ...DossierStatusChanged.example, ...facts, revision: 2, from: 2, to: 4, timeliness: null, finishedAt: null }), headers: envelope(DossierStatusChanged) },
    ]);
    await probe.send(DossierReceived.topic, [{ key: code, value: JSON.stringify({ ...DossierReceived.example, ...facts, revision: 1 }), headers: envelope(DossierReceived) }]);
    const row = async () => (await service.app.get(DataSource).query('SELECT status, revision FROM rateable_dossier WHERE dossier_code = $1', [code]))[0];
    await expectEventually(async () => expect(await row()).toEqual({ status: 9, revision: 3 }), REPLAY_WAIT);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await row()).toEqual({ status: 9, revision: 3 });
  }, REPLAY_TEST_TIMEOUT_MS);
});
