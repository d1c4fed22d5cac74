import { Socket } from 'node:net';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { metricsRegistry } from '@hub/platform';
import { createTestDatabase, expectEventually, KafkaProbe, testInfrastructure, testKafkaSasl, uniqueSuffix, type TestDatabase } from '@hub/testing';
import type { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaClient, MessagingModule, OutboxRelay } from '../src';

/** A topic of this test only, whose `max.message.bytes` is small: the shared topics keep their limits. */
const TOPIC_LIMIT_BYTES = 4096;

interface RelayFixture {
  app: INestApplicationContext;
  topic: string;
  probe: KafkaProbe;
}

/**
 * A relay (not started) on a database of its own, and a topic of this block only whose `max.message.bytes` is small,
 * created before the block's tests and removed after them.
 */
function relayFixture(name: string, options: { partitions: number; maxBatchBytes: number }): RelayFixture {
  const fixture = { topic: `relay-${name}-${uniqueSuffix()}`, probe: new KafkaProbe(testInfrastructure().kafkaBrokers) } as RelayFixture;
  let db: TestDatabase;
  let admin: Admin;

  beforeAll(async () => {
    db = await createTestDatabase(`relay_${name}`);
    const moduleRef = await Test.createTestingModule({
      imports: [
        PersistenceModule.forRoot({ url: db.url, entities: [], migrations: [] }),
        MessagingModule.forRoot({
          service: 'relay-limits-test',
          brokers: testInfrastructure().kafkaBrokers,
          sasl: testKafkaSasl(),
          relay: { pollIntervalMs: 200, maxBatchBytes: options.maxBatchBytes },
        }),
      ],
    }).compile();
    await moduleRef.get(PersistenceModule).onModuleInit();
    fixture.app = moduleRef;
    admin = moduleRef.get(KafkaClient).kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: fixture.topic, numPartitions: options.partitions, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: String(TOPIC_LIMIT_BYTES) }] }],
    });
    await fixture.probe.watch(fixture.topic);
  });

  afterAll(async () => {
    await fixture.app?.get(OutboxRelay).stop();
    await fixture.probe.close();
    await admin?.deleteTopics({ topics: [fixture.topic] }).catch(() => undefined);
    await admin?.disconnect();
    await fixture.app?.close();
    await db?.drop();
  });

  return fixture;
}

async function metric(name: string): Promise<number> {
  const found = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  return (found?.values ?? []).reduce((sum, v) => sum + Number(v.value), 0);
}

describe('outbox relay limits against a real broker', () => {
  const relay = relayFixture('limits', { partitions: 3, maxBatchBytes: 3000 });
  const app = (): INestApplicationContext => relay.app;

  /** Rows written straight into the outbox (the relay publishes whatever topic a row names). */
  const write = async (rows: Array<{ key: string; size: number }>): Promise<string[]> => {
    const ids: string[] = [];
    for (const { key, size } of rows) {
      const [row] = await app().get(DataSource).query(
        `INSERT INTO outbox (event_id, topic, key, payload, headers)
         VALUES (gen_random_uuid(), $1, $2, $3, jsonb_build_object('event-id', gen_random_uuid()::text)) RETURNING event_id`,
        [relay.topic, key, JSON.stringify({ key, filler: 'x'.repeat(size) })],
      );
      ids.push(row.event_id);
    }
    return ids;
  };
  const keysOnTopic = () => relay.probe.messages.map((m) => m.key);

  it('parks an event larger than the topic accepts, with its reason, and publishes every later one', async () => {
    const parkedBefore = await metric('hub_outbox_parked_total');
    const keys = Array.from({ length: 21 }, (_, i) => `k${i}`);
    // Ten small events, one of 10 KB (over the topic's 4 KB), ten more; keys spread over the three partitions.
    await write(keys.map((key, i) => ({ key, size: i === 10 ? 10_000 : 50 })));

    app().get(OutboxRelay).start();
    await expectEventually(() => expect(new Set(keysOnTopic())).toEqual(new Set(keys.filter((k) => k !== 'k10'))), { timeoutMs: 30_000 });

    const rows = await app().get(DataSource).query(`SELECT key, published_at, parked_at, parked_reason FROM outbox WHERE topic = $1`, [relay.topic]);
    const big = rows.find((r: { key: string }) => r.key === 'k10');
    expect(big).toMatchObject({ published_at: null, parked_at: expect.any(Date), parked_reason: expect.stringContaining('MESSAGE_TOO_LARGE') });
    expect(rows.filter((r: { published_at: Date | null }) => r.published_at === null)).toHaveLength(1);
    expect(keysOnTopic()).not.toContain('k10');
    expect((await metric('hub_outbox_parked_total')) - parkedBefore).toBe(1);

    // The relay is not stuck: a later event of the parked key goes out too.
    await write([{ key: 'k10', size: 50 }]);
    await expectEventually(() => expect(keysOnTopic()).toContain('k10'), { timeoutMs: 15_000 });
  });

  it('bounds a batch in bytes so that many events below the limit are never refused for their total', async () => {
    const refusalsBefore = await metric('hub_outbox_size_refusals_total');
    const before = relay.probe.messages.length;
    // 40 events of ~700 bytes (28 KB in all, 7 times the topic limit); batches of 3,000 bytes hold four of them.
    const keys = Array.from({ length: 40 }, (_, i) => `b${i}`);
    await write(keys.map((key) => ({ key, size: 700 })));
    await expectEventually(() => expect(relay.probe.messages.length - before).toBe(40), { timeoutMs: 30_000 });
    expect(await metric('hub_outbox_size_refusals_total')).toBe(refusalsBefore);
  });
});

describe('outbox relay splitting a batch the broker refuses', () => {
  // A byte bound far above the topic's limit: only splitting on the broker's refusal gets the events through.
  const relay = relayFixture('split', { partitions: 1, maxBatchBytes: 1_000_000 });
  const app = (): INestApplicationContext => relay.app;

  it('splits a refused batch and publishes every event once, in order, parking none', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    for (const key of keys) {
      await app().get(DataSource).query(
        `INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES (gen_random_uuid(), $1, $2, $3, '{}'::jsonb)`,
        [relay.topic, key, JSON.stringify({ key, filler: 'y'.repeat(600) })],
      );
    }
    expect(await app().get(OutboxRelay).drain()).toBe(30);
    await expectEventually(() => expect(relay.probe.messages.map((m) => m.key)).toEqual(keys), { timeoutMs: 30_000 });
    const [{ parked }] = await app().get(DataSource).query('SELECT count(*)::int AS parked FROM outbox WHERE parked_at IS NOT NULL');
    expect(parked).toBe(0);
  });

  it('closes the producer that drain() connected when stopped, though its loop never ran', async () => {
    const outboxRelay = app().get(OutboxRelay);
    outboxRelay.start();
    await outboxRelay.stop(); // the loop's stop: no producer open from here on
    const before = brokerSockets();
    await app().get(DataSource).query(`INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES (gen_random_uuid(), $1, 'd1', '{}'::jsonb, '{}'::jsonb)`, [
      relay.topic,
    ]);
    expect(await outboxRelay.drain()).toBe(1);
    const opened = [...brokerSockets()].filter((port) => !before.has(port));
    expect(opened.length).toBeGreaterThan(0);

    await outboxRelay.stop();
    await expectEventually(() => expect([...brokerSockets()].filter((port) => opened.includes(port))).toEqual([]), { timeoutMs: 10_000 });
  });
});

/** The local ports of this process's open connections to the test broker (Node's handle list, as a leak check does). */
function brokerSockets(): Set<number> {
  const brokerPorts = new Set(testInfrastructure().kafkaBrokers.map((b) => Number(b.split(':').pop())));
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  const ports = handles
    .filter((h): h is Socket => h instanceof Socket && !h.destroyed && brokerPorts.has(h.remotePort ?? -1))
    .map((socket) => socket.localPort)
    .filter((port): port is number => port !== undefined);
  return new Set(ports);
}
