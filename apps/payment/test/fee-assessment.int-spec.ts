import { randomUUID } from 'node:crypto';
import { DossierReceived, EventHeaders, ProcedurePublished } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { PaymentConfig } from '../src/config/payment.config';
import { PAYMENT_SERVICE, PaymentAppModule } from '../src/payment-app.module';

function envelope(def: { type: string; version: number; owner: string }): Record<string, string> {
  return { [EventHeaders.EventId]: randomUUID(), [EventHeaders.EventType]: def.type, [EventHeaders.EventVersion]: String(def.version), [EventHeaders.Producer]: def.owner };
}

describe('payment assesses fees from catalogue and dossier events (real PostgreSQL and Kafka)', () => {
  let service: ServiceUnderTest<PaymentConfig>;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const agency = `H${10 + Math.floor(Math.random() * 89)}.${1000 + (parseInt(uniqueSuffix(), 16) % 8999)}`;
  const procedureCode = `1.${100_000 + Math.floor(Math.random() * 900_000)}`;
  const dossierCode = `${agency}-261126-0001`;

  beforeAll(async () => {
    service = await startServiceUnderTest({
      service: PAYMENT_SERVICE,
      configClass: PaymentConfig,
      module: PaymentAppModule.forRoot,
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const get = () =>
    service.app.inject({
      method: 'GET',
      url: `/v1/payments?dossierCode=${dossierCode}`,
      headers: { 'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: [agency], roles: ['payment:read'] }) },
    });

  it('keeps a dossier that arrives before its procedure version waiting, then assesses it in whole VND', async () => {
    const received = { ...DossierReceived.example, dossierCode, procedureCode, procedureVersion: 2, receivingAgencyCode: agency, channel: 'ONLINE' as const };
    await probe.send(DossierReceived.topic, [{ key: dossierCode, value: JSON.stringify(received), headers: envelope(DossierReceived) }]);
    // A fresh consumer group first replays the dossier events earlier suites left on the broker (now also status changes).
    await expectEventually(async () => expect((await get()).json().assessment).toMatchObject({ status: 'AWAITING_PROCEDURE', totalAmount: 0 }), { timeoutMs: 240_000, intervalMs: 500 });

    const fees = [{ code: 'LP01', name: 'Lệ phí', amount: 100_000 }, { code: 'P02', name: 'Phí thẩm định', amount: 2_500_000 }];
    const v2 = {
      ...ProcedurePublished.example,
      code: procedureCode,
      version: 2,
      channels: [
        { channel: 'COUNTER' as const, timeLimit: { amount: 5, unit: 'WORKING_DAY' as const }, fees: [{ code: 'LP01', name: 'Lệ phí', amount: 999 }] },
        { channel: 'ONLINE' as const, timeLimit: { amount: 5, unit: 'WORKING_DAY' as const }, fees },
      ],
    };
    await probe.send(ProcedurePublished.topic, [{ key: procedureCode, value: JSON.stringify(v2), headers: envelope(ProcedurePublished) }]);
    const res = await expectEventually(async () => {
      const r = await get();
      expect(r.json().assessment.status).toBe('ASSESSED');
      return r;
      // A fresh consumer group first replays every catalogue event earlier suites left on the broker.
    }, { timeoutMs: 240_000, intervalMs: 500 });
    expect(res.json()).toEqual({
      dossierCode,
      assessment: expect.objectContaining({ procedureCode, procedureVersion: 2, channel: 'ONLINE', lines: fees, totalAmount: 2_600_000, currency: 'VND' }),
      // An online dossier owes its assessed fees at once: one OPEN request, nothing paid yet.
      requests: [expect.objectContaining({ origin: 'INTAKE', state: 'OPEN', amount: 2_600_000, fees })],
      payments: [],
    });
  }, 540_000);

  it("hides another agency's dossier exactly like an unknown one", async () => {
    const other = await service.app.inject({
      method: 'GET',
      url: `/v1/payments?dossierCode=${dossierCode}`,
      headers: { 'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: ['000.00.00.H01'], roles: ['payment:read'] }) },
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('DOSSIER_PAYMENTS_NOT_FOUND');
    const bad = await service.app.inject({ method: 'GET', url: '/v1/payments?dossierCode=nope', headers: { 'x-hub-identity': service.identity({ roles: ['payment:read'] }) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('dossierCode');
  });
});
