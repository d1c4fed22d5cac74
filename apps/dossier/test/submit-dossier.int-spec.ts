import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DossierSubmitted, ProcedurePublished } from '@hub/contracts';
import { MessagingLifecycle, OutboxRelay } from '@hub/messaging';
import { createServiceApp, loadConfig, signIdentity } from '@hub/platform';
import { createTestDatabase, expectEventually, KafkaProbe, testInfrastructure, uniqueSuffix, type TestDatabase } from '@hub/testing';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { ProcedureSnapshotRepository } from '../src/procedure-read-model/procedure-snapshot.repository';

const SIGNING_KEY = 'dossier-integration-test-signing-key-0123456789';
const portal = () => signIdentity({ clientId: 'portal', kind: 'portal', agencyCodes: [], roles: ['dossier:submit', 'dossier:read'] }, SIGNING_KEY);

describe('dossier intake against real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const infra = testInfrastructure();
  const probe = new KafkaProbe(infra.kafkaBrokers);
  // A receiving agency unique to this run keeps its daily sequence starting at 0001.
  const agency = `H${String(Math.floor(Math.random() * 90) + 10)}.${(parseInt(uniqueSuffix(), 16) % 9000) + 1000}`;

  beforeAll(async () => {
    db = await createTestDatabase('dossier');
    const config = loadConfig(DossierConfig, {
      PORT: '0',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_GROUP_ID: `dossier-it-${uniqueSuffix()}`,
      IDENTITY_SIGNING_KEY: SIGNING_KEY,
      LOG_LEVEL: 'warn',
    });
    app = await createServiceApp(DossierAppModule.forRoot(config), { service: DOSSIER_SERVICE, config });
    await app.init();
    await app.get(MessagingLifecycle).ready();
    await app.get(DataSource).transaction((tx) =>
      app.get(ProcedureSnapshotRepository).upsertIfNewer(tx, { ...ProcedurePublished.example, implementingAgencyCodes: [agency] }, new Date()),
    );
    await probe.watch(DossierSubmitted.topic);
  });

  afterAll(async () => {
    await probe.close();
    await app?.close();
    await db?.drop();
  });

  const submit = () =>
    app.inject({
      method: 'POST',
      url: '/v1/dossiers',
      headers: { 'x-hub-identity': portal() },
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
    const [{ n }] = await app.get(DataSource).query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    expect(Number(n)).toBe(0);
    expect(await app.get(OutboxRelay).drain()).toBe(0);
  });
});
