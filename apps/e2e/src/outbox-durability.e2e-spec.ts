import { Client } from 'pg';
import { expectEventually, startLocalKafka, stopLocalKafka } from '@hub/testing';
import { APPLICANT, BACKLOG, DEPARTMENT, publishProcedure, uniqueProcedureCode } from './support/catalogue-fixtures';
import { numberDossiersFromOwnBlock } from './support/dossier-code-blocks';
import { Hub } from './support/hub';

const PROCEDURE = uniqueProcedureCode();

async function queryOne<T>(url: string, sql: string, params: unknown[]): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] as T;
  } finally {
    await client.end();
  }
}

// Stopping the broker is only possible when this run started it (the local path, as in CI).
const describeLocal = process.env.HUB_TEST_INFRA_SOURCE === 'local' ? describe : describe.skip;

describeLocal('outbox durability: intake keeps working while Kafka is down', () => {
  let hub: Hub;
  let portal: string;

  beforeAll(async () => {
    hub = await Hub.start();
    const operator = await hub.registerClient('operator', 'operator', ['catalogue:write']);
    portal = await hub.registerClient('portal', 'portal', ['dossier:submit', 'payment:read', 'rating:read']);
    await publishProcedure(hub, operator, PROCEDURE, [{ code: 'LP01', name: 'Lệ phí', amount: 50_000 }]);
    await numberDossiersFromOwnBlock(hub, [DEPARTMENT]);
    // The procedure must be in the dossier read model before the broker goes away.
    await expectEventually(async () => {
      const res = await hub.request('POST', '/v1/dossiers', { apiKey: portal, body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT } });
      expect(res.status).toBe(201);
    }, BACKLOG);
    // And in payment's fee schedules, so that what this test waits for is the intake's own event, not a procedure
    // snapshot still in flight when the broker stopped (the assessment needs both).
    await expectEventually(async () => {
      const fees = await queryOne<{ n: string }>(hub.databases.get('payment')!.url, 'SELECT count(*) AS n FROM fee_schedule WHERE procedure_code = $1', [PROCEDURE]);
      expect(Number(fees.n)).toBe(1);
    }, BACKLOG);
  }, 900_000);

  afterAll(async () => {
    startLocalKafka();
    await hub?.stop();
  });

  it('answers 201 with the broker stopped, and delivers the event exactly once after it is back', async () => {
    stopLocalKafka();
    const res = await hub.request('POST', '/v1/dossiers', { apiKey: portal, body: { procedureCode: PROCEDURE, receivingAgencyCode: DEPARTMENT, applicant: APPLICANT } });
    expect(res.status).toBe(201);
    const code: string = res.body.code;
    const pending = await queryOne<{ n: string }>(hub.databases.get('dossier')!.url, `SELECT count(*) AS n FROM outbox WHERE key = $1 AND published_at IS NULL`, [code]);
    // dossier.received.v1 (the retired dossier.submitted.v1 is no longer written), waiting for the broker.
    expect(Number(pending.n)).toBe(1);
    // No service leaves rotation over the broker: readiness is 200 `degraded` with the reason, liveness stays up.
    for (const service of ['dossier', 'payment', 'rating'] as const) {
      const ready = await expectEventually(async () => {
        const r = await fetch(`${hub.serviceUrl(service)}/health/ready`);
        const body = (await r.json()) as { status: string; checks: unknown[] };
        expect([r.status, body.status]).toEqual([200, 'degraded']);
        return body;
      }, { timeoutMs: 30_000, intervalMs: 500 });
      expect(ready.checks).toEqual(expect.arrayContaining([{ name: 'kafka', status: 'degraded', reason: expect.stringContaining('outbox') }]));
      expect((await fetch(`${hub.serviceUrl(service)}/health/live`)).status).toBe(200);
    }

    startLocalKafka();
    const payments = await expectEventually(
      async () => {
        const r = await hub.request('GET', `/v1/payments?dossierCode=${code}`, { apiKey: portal });
        expect(r.status).toBe(200);
        expect(r.body.assessment.status).toBe('ASSESSED');
        return r.body;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(payments.assessment.totalAmount).toBe(50_000);
    await expectEventually(async () => expect((await hub.request('GET', `/v1/ratings/eligibility/${code}`, { apiKey: portal })).status).toBe(200), { timeoutMs: 90_000 });

    const { event_id: eventId } = await queryOne<{ event_id: string }>(hub.databases.get('dossier')!.url, `SELECT event_id FROM outbox WHERE key = $1 AND topic = 'dossier.received.v1'`, [code]);
    // Each consumer of dossier.received.v1 applies it exactly once (rating's index consumer may still be catching up).
    for (const service of ['payment', 'rating'] as const) {
      await expectEventually(async () => {
        const applied = await queryOne<{ n: string }>(hub.databases.get(service)!.url, 'SELECT count(*) AS n FROM inbox WHERE event_id = $1', [eventId]);
        expect(Number(applied.n)).toBe(1);
      }, { timeoutMs: 120_000, intervalMs: 500 });
    }
    const assessments = await queryOne<{ n: string }>(hub.databases.get('payment')!.url, 'SELECT count(*) AS n FROM fee_assessment WHERE dossier_code = $1', [code]);
    expect(Number(assessments.n)).toBe(1);
    // The agency's feed item was written with the dossier, broker or not: exactly one.
    const feedItems = await queryOne<{ n: string }>(hub.databases.get('dossier')!.url, `SELECT count(*) AS n FROM agency_feed WHERE dossier_code = $1 AND type = 'dossier.submitted'`, [code]);
    expect(Number(feedItems.n)).toBe(1);
  }, 420_000);
});
