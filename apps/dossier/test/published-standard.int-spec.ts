import { randomUUID } from 'node:crypto';
import { ProcedurePublished } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, PublishedStandard, StandardCapture, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { ProcedureVersionRepository } from '../src/procedure-read-model/procedure-version.repository';

/** Real dossier events, through the outbox relay and the shared broker, conform to the published standard. */
describe('dossier events on Kafka conform to the published standard', () => {
  const standard = PublishedStandard.load();
  const topics = standard.topicsProducedBy('dossier');
  const agency = `H${String(Math.floor(Math.random() * 90) + 10)}.${(parseInt(uniqueSuffix(), 16) % 9000) + 1000}`;
  let service: ServiceUnderTest<DossierConfig>;
  let capture: StandardCapture;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
    await service.app.get(DataSource).transaction((tx) =>
      service.app.get(ProcedureVersionRepository).insertVersion(tx, { ...ProcedurePublished.example, implementingAgencyCodes: [agency], effectiveFrom: '2026-01-01T00:00:00+07:00' }),
    );
    capture = await StandardCapture.start(testInfrastructure().kafkaBrokers, topics);
  });

  afterAll(async () => {
    await capture?.close();
    await service?.close();
  });

  it('publishes valid envelopes, keys and payloads for a submitted dossier', async () => {
    const correlationId = randomUUID();
    const res = await service.app.inject({
      method: 'POST',
      url: '/v1/dossiers',
      headers: { 'x-hub-identity': service.identity({ roles: ['dossier:submit'] }), 'x-correlation-id': correlationId },
      payload: { procedureCode: ProcedurePublished.example.code, receivingAgencyCode: agency, applicant: { fullName: 'Trần Thị Bình', idNumber: '079190000123' } },
    });
    expect(res.statusCode).toBe(201);
    await expectEventually(() => expect(capture.messages(correlationId).map((m) => m.key)).toContain(res.json().code));
    const captured = capture.messages(correlationId);
    expect(captured.map((m) => ({ topic: m.topic, errors: standard.checkMessage(m, { strict: true }) }))).toEqual(captured.map((m) => ({ topic: m.topic, errors: [] })));
  });
});
