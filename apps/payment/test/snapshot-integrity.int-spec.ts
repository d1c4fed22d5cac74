import { randomUUID } from 'node:crypto';
import { DeadLetterHeaders, deadLetterTopic, EventHeaders, ProcedurePublished } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { PaymentConfig } from '../src/config/payment.config';
import { PAYMENT_SERVICE, PaymentAppModule } from '../src/payment-app.module';

const headers = (producer: string): Record<string, string> => ({
  [EventHeaders.EventId]: randomUUID(),
  [EventHeaders.EventType]: ProcedurePublished.type,
  [EventHeaders.EventVersion]: String(ProcedurePublished.version),
  [EventHeaders.Producer]: producer,
});

const snapshot = (code: string, amount: number) => ({
  ...ProcedurePublished.example,
  code,
  version: 1,
  channels: [{ channel: 'ONLINE' as const, timeLimit: { amount: 5, unit: 'WORKING_DAY' as const }, fees: [{ code: 'LP01', name: 'Lệ phí', amount }] }],
});

/** The fee schedule (payment's read model of catalogue.procedure.published.v1) keeps only what the catalogue published. */
describe('payment refuses forged catalogue snapshots (real PostgreSQL and Kafka)', () => {
  let service: ServiceUnderTest<PaymentConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const dlq = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const code = () => `1.${100_000 + Math.floor(Math.random() * 900_000)}`;
  const stored = (procedureCode: string) =>
    service.app.get(DataSource).query('SELECT channels FROM fee_schedule WHERE procedure_code = $1', [procedureCode]) as Promise<{ channels: { fees: { amount: number }[] }[] }[]>;
  const parked = (key: string) => dlq.messages.filter((m) => m.key === key).map((m) => m.headers[DeadLetterHeaders.Reason]);

  beforeAll(async () => {
    await dlq.watch(deadLetterTopic(ProcedurePublished.topic), { fromBeginning: false });
    service = await startServiceUnderTest({
      service: PAYMENT_SERVICE,
      configClass: PaymentConfig,
      module: PaymentAppModule.forRoot,
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
  });

  afterAll(async () => {
    await service?.close();
    await dlq.close();
  });

  it('dead-letters a snapshot whose producer header is not the topic owner, and stores nothing of it', async () => {
    const forged = code();
    const genuine = code();
    await probe.send(ProcedurePublished.topic, [
      { key: forged, value: JSON.stringify(snapshot(forged, 1)), headers: headers('payment') },
      { key: genuine, value: JSON.stringify(snapshot(genuine, 1)), headers: headers('catalogue') },
    ]);
    await expectEventually(async () => expect(parked(forged)).toEqual(['PRODUCER_MISMATCH']), { timeoutMs: 240_000, intervalMs: 500 });
    await expectEventually(async () => expect(await stored(genuine)).toHaveLength(1), { timeoutMs: 60_000, intervalMs: 500 });
    expect(await stored(forged)).toEqual([]);
    expect(parked(genuine)).toEqual([]);
  }, 300_000);

  it('dead-letters a second, different snapshot of the same code and version as a conflict; the first stays', async () => {
    const procedure = code();
    await probe.send(ProcedurePublished.topic, [{ key: procedure, value: JSON.stringify(snapshot(procedure, 100_000)), headers: headers('catalogue') }]);
    await expectEventually(async () => expect(await stored(procedure)).toHaveLength(1), { timeoutMs: 240_000, intervalMs: 500 });
    // A replay of the same snapshot changes nothing and is no conflict; another one with other fees is.
    await probe.send(ProcedurePublished.topic, [
      { key: procedure, value: JSON.stringify(snapshot(procedure, 100_000)), headers: headers('catalogue') },
      { key: procedure, value: JSON.stringify(snapshot(procedure, 1)), headers: headers('catalogue') },
    ]);
    await expectEventually(async () => expect(parked(procedure)).toEqual(['SNAPSHOT_CONFLICT']), { timeoutMs: 60_000, intervalMs: 500 });
    expect((await stored(procedure))[0].channels[0].fees[0].amount).toBe(100_000);
  }, 300_000);
});
