import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { DossierSubmitted, EventHeaders } from '@hub/contracts';
import { PersistenceModule } from '@hub/persistence';
import { newTrace } from '@hub/platform';
import { createTestDatabase, expectEventually, KafkaProbe, testInfrastructure, testKafkaSasl, type TestDatabase } from '@hub/testing';
import { DataSource } from 'typeorm';
import { KafkaClient, MessagingModule, OutboxRelay, OutboxWriter } from '../src';
import { CLAIM_SQL } from '../src/outbox/relay-batch';

/** One "service instance": its own Nest context with persistence and messaging on the shared database. */
async function instance(url: string, relay: { pollIntervalMs: number; batchSize?: number; retentionMs?: number }): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PersistenceModule.forRoot({ url, entities: [], migrations: [] }),
      // As the dossier, the owner of dossier.submitted.v1 (its declarations create the topic; the broker creates none).
      MessagingModule.forRoot({ service: 'dossier', brokers: testInfrastructure().kafkaBrokers, sasl: testKafkaSasl(), relay }),
    ],
  }).compile();
  // No app.init(): the test drives the relay itself instead of the lifecycle hooks.
  await moduleRef.get(PersistenceModule).onModuleInit();
  await moduleRef.get(KafkaClient).ensureTopics();
  return moduleRef;
}

function payload(code: string) {
  return { ...DossierSubmitted.example, dossierCode: code };
}

describe('outbox relay against real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let a: INestApplicationContext;
  let b: INestApplicationContext;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
  const agency = `H${10 + Math.floor(Math.random() * 89)}.${1000 + Math.floor(Math.random() * 8999)}`;
  const code = (key: number) => `${agency}-261126-${String(key).padStart(4, '0')}`;

  beforeAll(async () => {
    db = await createTestDatabase('relay');
    a = await instance(db.url, { pollIntervalMs: 200, batchSize: 50 });
    b = await instance(db.url, { pollIntervalMs: 200, batchSize: 50 });
    await probe.watch(DossierSubmitted.topic);
  });

  afterAll(async () => {
    await Promise.all([a?.get(OutboxRelay).stop(), b?.get(OutboxRelay).stop()]);
    await probe.close();
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  it('two relays publish 600 events exactly once between them and keep per-key order', async () => {
    const writer = a.get(OutboxWriter);
    const ds = a.get(DataSource);
    const written: string[] = [];
    // 20 dossiers × 30 events each, written in many small transactions as use cases would.
    for (let round = 0; round < 30; round++) {
      await ds.transaction(async (tx) => {
        for (let key = 1; key <= 20; key++) written.push((await writer.append(tx, DossierSubmitted, payload(code(key)), newTrace())).eventId);
      });
    }
    a.get(OutboxRelay).start();
    b.get(OutboxRelay).start();

    await expectEventually(() => expect(probe.messages.filter((m) => m.key?.startsWith(agency)).length).toBeGreaterThanOrEqual(600), { timeoutMs: 60_000 });
    const ours = probe.messages.filter((m) => m.key?.startsWith(agency));
    const ids = ours.map((m) => m.headers[EventHeaders.EventId]);
    expect(new Set(ids).size).toBe(600);
    expect(ids.length).toBe(600);
    // Within one key, Kafka order equals write order.
    for (let key = 1; key <= 20; key++) {
      const order = ours.filter((m) => m.key === code(key)).map((m) => m.headers[EventHeaders.EventId]);
      expect(order).toEqual(written.filter((_, i) => i % 20 === key - 1));
    }
    // Each row is deleted once Kafka has its event (no retention configured): none is left, published or not.
    const [{ n }] = await ds.query('SELECT count(*) AS n FROM outbox');
    expect(Number(n)).toBe(0);
  });

  it('carries the payload it wrote, and the correlation and causation ids of the trace it was handed', async () => {
    const ds = a.get(DataSource);
    await ds.transaction((tx) =>
      a.get(OutboxWriter).append(tx, DossierSubmitted, payload(code(99)), { correlationId: 'corr-relay-test', causationId: '6f1c1a52-7d0e-4a47-9d5e-2a0b8f3c9e11' }),
    );
    const m = await expectEventually(() => {
      const found = probe.messages.find((x) => x.key === code(99));
      expect(found).toBeDefined();
      return found!;
    });
    expect(m.headers).toMatchObject({
      [EventHeaders.CorrelationId]: 'corr-relay-test',
      [EventHeaders.CausationId]: '6f1c1a52-7d0e-4a47-9d5e-2a0b8f3c9e11',
      [EventHeaders.EventType]: 'dossier.submitted',
      [EventHeaders.EventVersion]: '1',
      [EventHeaders.Producer]: 'dossier',
    });
    // The value is the jsonb column's text as the claim reads it: the same JSON as the payload written.
    expect(JSON.parse(m.value!)).toEqual(payload(code(99)));
  });

  it('refuses to write an event that violates its contract, or outside a transaction', async () => {
    const ds = a.get(DataSource);
    await expect(ds.transaction((tx) => a.get(OutboxWriter).append(tx, DossierSubmitted, { ...payload(code(1)), procedureVersion: 0 }, newTrace()))).rejects.toThrow(/violates its contract/);
    await expect(a.get(OutboxWriter).append(ds.manager, DossierSubmitted, payload(code(1)), newTrace())).rejects.toThrow(/inside a transaction/);
  });
});

describe('outbox relay wake-up', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);

  beforeAll(async () => {
    db = await createTestDatabase('relay_notify');
    // A poll interval far beyond the test's patience: only NOTIFY can deliver in time.
    app = await instance(db.url, { pollIntervalMs: 120_000 });
    await probe.watch(DossierSubmitted.topic);
    app.get(OutboxRelay).start();
  });

  afterAll(async () => {
    await app?.get(OutboxRelay).stop();
    await probe.close();
    await app?.close();
    await db?.drop();
  });

  it('publishes on commit via LISTEN/NOTIFY, not on the fallback poll', async () => {
    const code = `H77.${1000 + Math.floor(Math.random() * 8999)}-261126-0001`;
    // Let the relay finish its first (empty) batch and go to sleep.
    await new Promise((r) => setTimeout(r, 1000));
    await app.get(DataSource).transaction((tx) => app.get(OutboxWriter).append(tx, DossierSubmitted, payload(code), newTrace()));
    await expectEventually(() => expect(probe.messages.some((m) => m.key === code)).toBe(true), { timeoutMs: 15_000 });
  });
});

describe('outbox relay with a retention', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);

  beforeAll(async () => {
    db = await createTestDatabase('relay_retention');
    app = await instance(db.url, { pollIntervalMs: 200, retentionMs: 3600_000 });
    await probe.watch(DossierSubmitted.topic);
  });

  afterAll(async () => {
    await app?.get(OutboxRelay).stop();
    await probe.close();
    await app?.close();
    await db?.drop();
  });

  it('marks each published row and keeps it, and the prune deletes only rows published before the retention', async () => {
    const ds = app.get(DataSource);
    const code = `H78.${1000 + Math.floor(Math.random() * 8999)}-261126-0001`;
    const { eventId } = await ds.transaction((tx) => app.get(OutboxWriter).append(tx, DossierSubmitted, payload(code), newTrace()));
    // A row published two hours ago (the retention is one): the first cycle's prune removes it, and only it.
    const { eventId: oldId } = await ds.transaction((tx) => app.get(OutboxWriter).append(tx, DossierSubmitted, payload(`${code}0`), newTrace()));
    await ds.query(`UPDATE outbox SET published_at = now() - interval '2 hours' WHERE event_id = $1`, [oldId]);
    app.get(OutboxRelay).start();

    await expectEventually(() => expect(probe.messages.some((m) => m.key === code)).toBe(true), { timeoutMs: 15_000 });
    await expectEventually(async () => {
      const rows: Array<{ event_id: string; published_at: Date | null; attempts: number }> = await ds.query('SELECT event_id, published_at, attempts FROM outbox');
      expect(rows).toEqual([{ event_id: eventId, published_at: expect.any(Date), attempts: 1 }]);
    });
    expect(probe.messages.some((m) => m.key === `${code}0`)).toBe(false);
  });
});

/**
 * Every statement a DataSource sends (BEGIN and COMMIT, and prepared statements, included), by wrapping the
 * connection of each query runner it creates; `DataSource.query` goes through one as well. The LISTEN connection is not
 * the DataSource's and is not counted.
 */
function recordStatements(ds: DataSource): string[] {
  const sent: string[] = [];
  const create = ds.createQueryRunner.bind(ds);
  jest.spyOn(ds, 'createQueryRunner').mockImplementation((mode) => {
    const runner = create(mode);
    // At the connection: TypeORM's own statements (BEGIN, COMMIT) and the prepared ones (queryPrepared) alike.
    const connect = runner.connect.bind(runner);
    runner.connect = (async () => {
      const client = (await connect()) as { query: (...args: unknown[]) => Promise<unknown>; recorded?: boolean };
      if (!client.recorded) {
        const query = client.query.bind(client);
        client.query = (q: unknown, ...rest: unknown[]) => {
          sent.push(typeof q === 'string' ? q : (q as { text: string }).text);
          return query(q, ...rest);
        };
        client.recorded = true;
      }
      return client;
    }) as typeof runner.connect;
    return runner;
  });
  return sent;
}

describe('outbox relay round trips at low load', () => {
  let db: TestDatabase;
  let writerApp: INestApplicationContext;
  let relayApp: INestApplicationContext;
  let sent: string[];
  const isClaim = (sql: string) => /\bFROM outbox\b/.test(sql) && /FOR UPDATE/.test(sql);

  beforeAll(async () => {
    db = await createTestDatabase('relay_trips');
    // The writer and the relay are two instances, so that only the relay's statements go through the recorded DataSource.
    // A poll far beyond the test's length: every cycle comes from a NOTIFY, or from a relay that loops on its own.
    writerApp = await instance(db.url, { pollIntervalMs: 120_000 });
    relayApp = await instance(db.url, { pollIntervalMs: 120_000, batchSize: 5 });
    sent = recordStatements(relayApp.get(DataSource));
  });

  afterAll(async () => {
    await relayApp?.get(OutboxRelay).stop();
    await Promise.all([writerApp?.close(), relayApp?.close()]);
    await db?.drop();
  });

  const code = (agency: string, n: number) => `${agency}-261126-${String(n).padStart(4, '0')}`;
  const unpublished = async () => Number((await writerApp.get(DataSource).query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL'))[0].n);

  it('spends one cycle of four statements on each isolated commit, and no empty claim after it', async () => {
    const events = 10;
    const ds = writerApp.get(DataSource);
    relayApp.get(OutboxRelay).start();
    // The first cycle (empty), then the relay sleeps.
    await expectEventually(() => expect(sent.some(isClaim)).toBe(true));
    await new Promise((r) => setTimeout(r, 500));
    sent.length = 0;

    const agency = `H66.${1000 + Math.floor(Math.random() * 8999)}`;
    for (let i = 1; i <= events; i++) {
      const { eventId } = await ds.transaction((tx) => writerApp.get(OutboxWriter).append(tx, DossierSubmitted, payload(code(agency, i)), newTrace()));
      await expectEventually(
        async () => {
          expect(await ds.query('SELECT id FROM outbox WHERE event_id = $1', [eventId])).toEqual([]);
        },
        { intervalMs: 20 },
      );
      // Room for the cycle a relay that loops at once after publishing would start now, before the next commit.
      await new Promise((r) => setTimeout(r, 150));
    }

    // One claim per commit; per event BEGIN, claim (which takes the relay lock too), delete, COMMIT.
    expect({ claims: sent.filter(isClaim).length, statementsPerEvent: sent.length / events }).toEqual({ claims: events, statementsPerEvent: 4 });
  });

  it('goes on at once, without a NOTIFY, after a claim that was full', async () => {
    const ds = writerApp.get(DataSource);
    const agency = `H65.${1000 + Math.floor(Math.random() * 8999)}`;
    sent.length = 0;
    // One commit (one NOTIFY) of twelve events: claims of 5, 5 and 2 rows, the last two without a wake-up of their own.
    await ds.transaction(async (tx) => {
      for (let i = 1; i <= 12; i++) await writerApp.get(OutboxWriter).append(tx, DossierSubmitted, payload(code(agency, i)), newTrace());
    });
    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 10_000 });
    expect(sent.filter(isClaim)).toHaveLength(3);
  });

  it("commits its cycle without waiting for the WAL flush, and only its own transaction", async () => {
    const ds = writerApp.get(DataSource);
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      const before = (await runner.query('SHOW synchronous_commit'))[0].synchronous_commit;
      await runner.startTransaction();
      await runner.query(CLAIM_SQL, [1, 424242]);
      expect((await runner.query('SHOW synchronous_commit'))[0].synchronous_commit).toBe('off');
      await runner.commitTransaction();
      // The connection goes back to the pool with the server's setting: no other write on it turns asynchronous.
      expect((await runner.query('SHOW synchronous_commit'))[0].synchronous_commit).toBe(before);
      expect(before).not.toBe('off');
    } finally {
      await runner.release();
    }
  });
});
