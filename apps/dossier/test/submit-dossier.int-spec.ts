import { DossierSubmitted, ProcedurePublished } from '@hub/contracts';
import { MessagingLifecycle, OutboxRelay } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { ProcedureSnapshotRepository } from '../src/procedure-read-model/procedure-snapshot.repository';

describe('dossier intake against real PostgreSQL and Kafka', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const infra = testInfrastructure();
  const probe = new KafkaProbe(infra.kafkaBrokers);
  // A receiving agency unique to this run keeps its daily sequence starting at 0001.
  const agency = `H${String(Math.floor(Math.random() * 90) + 10)}.${(parseInt(uniqueSuffix(), 16) % 9000) + 1000}`;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot,
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    const { app } = service;
    await app.get(DataSource).transaction((tx) =>
      app.get(ProcedureSnapshotRepository).upsertIfNewer(tx, { ...ProcedurePublished.example, implementingAgencyCodes: [agency] }, new Date()),
    );
    await probe.watch(DossierSubmitted.topic);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  const submit = () =>
    service.app.inject({
      method: 'POST',
      url: '/v1/dossiers',
      headers: { 'x-hub-identity': service.identity({ roles: ['dossier:submit'] }) },
      payload: { procedureCode: ProcedurePublished.example.code, receivingAgencyCode: agency, applicant: { fullName: 'Trần Thị Bình', idNumber: '079190000123' } },
    });

  it('numbers concurrent submissions without gaps or duplicates, and publishes each exactly once through the outbox', async () => {
    const responses = await Promise.all(Array.from({ length: 25 }, submit));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(25).fill(201));
    const codes = responses.map((r) => r.json().code as string).sort();
    const sequences = codes.map((c) => Number(c.split('-')[2]));
    expect(sequences).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(codes.map((c) => c.split('-')[1])).size).toBe(1);

    await expectEventually(() => expect(probe.messages.filter((m) => codes.includes(m.key!)).map((m) => m.key).sort()).toEqual(codes));
    const [{ n }] = await service.app.get(DataSource).query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    expect(Number(n)).toBe(0);
    expect(await service.app.get(OutboxRelay).drain()).toBe(0);
  });
});
