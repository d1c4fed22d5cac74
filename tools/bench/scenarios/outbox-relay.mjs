// outbox-relay: what the transactional outbox costs on the publishing side. The real OutboxRelay (built
// code, default batch size 500) drains N committed outbox rows to Kafka; the baseline publishes the same N
// events with a bare kafkajs producer configured like the hub's (idempotent, acks=-1, one request in
// flight), in batches of the same size. Both run in this process, alternately, on a bench-only topic.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fmt, median } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);

export const name = 'outbox-relay';
export const description =
  'Events/s published by the real OutboxRelay (built code: claim a batch of committed outbox rows FOR UPDATE SKIP LOCKED, sendBatch, delete the sent rows, commit) ' +
  'vs a bare kafkajs idempotent producer sending the same events in batches of the same size (acks=-1), on the local broker.';

const TOPIC_PARTITIONS = 3; // as the hub's own topics (MessagingOptions.topicPartitions default)

export async function run(ctx) {
  // libs/messaging and libs/persistence are compiled into every app that uses them; rating's copy is the
  // same code and its app is the smallest to build.
  const { KafkaClient, OutboxRelay, DEFAULT_RELAY_OPTIONS } = ctx.requireDist('rating', 'libs/messaging/src/index.js');
  // Every messaging migration a service runs (the outbox table, its indexes and trigger, and parking).
  const { MESSAGING_MIGRATIONS } = ctx.requireDist('rating', 'libs/persistence/src/outbox-parking.migration.js');
  // The same typeorm and kafkajs the built code resolves (the workspace's node_modules).
  const { DataSource } = require('typeorm');
  const { Kafka, Partitioners, logLevel } = require('kafkajs');

  const batchSize = DEFAULT_RELAY_OPTIONS.batchSize;
  const events = ctx.options.quick ? 5_000 : 20_000;
  const runs = Math.max(ctx.options.runs, ctx.options.quick ? 1 : 5); // a run is a few seconds: afford more of them
  const suffix = ctx.randomSuffix();
  const topic = `bench.outbox-relay.${suffix}`;

  // An outbox exactly as every service has it: the real migration (table, partial indexes, NOTIFY trigger).
  const db = await ctx.createDatabase('outbox');
  const dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: MESSAGING_MIGRATIONS, extra: { max: 10 } });
  await dataSource.initialize();
  ctx.defer('close the outbox DataSource', () => dataSource.destroy());
  await dataSource.runMigrations();

  const sasl = ctx.kafkaSasl ? { sasl: ctx.kafkaSasl } : {};
  const admin = new Kafka({ clientId: `bench-admin-${suffix}`, brokers: ctx.kafkaBrokers, ...sasl, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  ctx.defer('disconnect the Kafka admin', () => admin.disconnect());
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: 1 }] });
  ctx.defer(`delete topic ${topic}`, () => admin.deleteTopics({ topics: [topic] }));

  // The relay, built and wired as MessagingModule does, minus Nest.
  const messagingOptions = { service: `bench-relay-${suffix}`, brokers: ctx.kafkaBrokers, ...sasl };
  const kafkaClient = new KafkaClient(messagingOptions);
  const relay = new OutboxRelay(dataSource, kafkaClient, messagingOptions);
  await kafkaClient.connectProducer();
  ctx.defer('disconnect the relay producer', () => kafkaClient.onApplicationShutdown());
  // Time spent inside Kafka sends, to split the relay's time between Kafka and the rest (PostgreSQL, JSON).
  let sendMs = 0;
  // The relay sends through its own RelayProducer (a fresh kafkajs producer after a fenced sequence): time its send.
  const relayProducer = relay.producer;
  const originalSend = relayProducer.send.bind(relayProducer);
  relayProducer.send = async (topicMessages) => {
    const t = performance.now();
    try {
      return await originalSend(topicMessages);
    } finally {
      sendMs += performance.now() - t;
    }
  };


  // And time per SQL statement the relay issues (its query runners come from this DataSource).
  const sqlMs = new Map();
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args) => {
    const runner = createQueryRunner(...args);
    const query = runner.query.bind(runner);
    runner.query = async (sql, ...rest) => {
      const t = performance.now();
      try {
        return await query(sql, ...rest);
      } finally {
        const kind = statementKind(sql);
        sqlMs.set(kind, (sqlMs.get(kind) ?? 0) + performance.now() - t);
      }
    };
    return runner;
  };

  // The baseline producer: configured like KafkaClient's (libs/messaging/src/kafka/kafka.client.ts).
  const raw = new Kafka({
    clientId: `bench-raw-${suffix}`,
    brokers: ctx.kafkaBrokers,
    ...sasl,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
    logLevel: logLevel.ERROR,
  }).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await raw.connect();
  ctx.defer('disconnect the raw producer', () => raw.disconnect());

  // DossierSubmitted-shaped events with the envelope headers OutboxWriter adds.
  const makeEvents = (n, tag) =>
    Array.from({ length: n }, (_, i) => {
      const dossierCode = `000.00.15.H31-260112-${String(i + 1).padStart(6, '0')}`;
      const eventId = randomUUID();
      return {
        eventId,
        key: dossierCode,
        payload: {
          dossierCode,
          procedureCode: '1.001234',
          procedureVersion: 1,
          receivingAgencyCode: '000.00.15.H31',
          channel: 'ONLINE',
          status: 1,
          submittedAt: new Date(Date.UTC(2026, 0, 12, 2, 30, i % 60)).toISOString(),
        },
        headers: {
          'event-id': eventId,
          'event-type': 'dossier.submitted',
          'event-version': '1',
          'occurred-at': new Date().toISOString(),
          producer: 'dossier',
          'correlation-id': `bench-${tag}-${randomUUID()}`,
        },
      };
    });

  const relaySide = async (n) => {
    const batch = makeEvents(n, 'relay');
    await dataSource.query('TRUNCATE outbox RESTART IDENTITY');
    await dataSource.query(
      `INSERT INTO outbox (event_id, topic, key, payload, headers)
       SELECT e, $1, k, p, h FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) AS t(e, k, p, h)`,
      [topic, batch.map((e) => e.eventId), batch.map((e) => e.key), batch.map((e) => JSON.stringify(e.payload)), batch.map((e) => JSON.stringify(e.headers))],
    );
    await dataSource.query('ANALYZE outbox');
    sendMs = 0;
    sqlMs.clear();
    const t = performance.now();
    const published = await relay.drain(); // publishBatch until an empty batch: what the relay loop does while rows are waiting
    const ms = performance.now() - t;
    const spent = { sendMs, sql: new Map(sqlMs) }; // before the checks below add their own queries
    if (published !== n) throw new Error(`relay published ${published} of ${n} events`);
    const [{ left }] = await dataSource.query('SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL');
    if (left !== 0) throw new Error(`${left} outbox rows left unpublished`);
    // Per full batch of events (drain()'s final empty claim is counted in, as part of the relay's work).
    const batches = Math.ceil(n / batchSize);
    const perBatch = Object.fromEntries([...spent.sql].map(([k, v]) => [k, v / batches]));
    return { eps: (n * 1000) / ms, batchMs: ms / batches, kafkaShare: spent.sendMs / ms, sendMsPerBatch: spent.sendMs / batches, perBatch };
  };

  const rawSide = async (n) => {
    const messages = makeEvents(n, 'raw').map((e) => ({ key: e.key, value: JSON.stringify(e.payload), headers: e.headers }));
    const t = performance.now();
    for (let i = 0; i < messages.length; i += batchSize) {
      await raw.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + batchSize) }] });
    }
    const ms = performance.now() - t;
    return { eps: (n * 1000) / ms, batchMs: ms / Math.ceil(n / batchSize) };
  };

  // Warm-up (JIT, connections, topic metadata, first log segment), not counted.
  await rawSide(Math.min(events, 2_000));
  await relaySide(Math.min(events, 2_000));

  const { rows, samples } = await ctx.compare({
    runs,
    baseline: { label: 'raw kafkajs', measure: () => rawSide(events) },
    subject: { label: 'outbox relay', measure: () => relaySide(events) },
    metrics: [{ key: 'eps', metric: `events/s, ${events.toLocaleString('en-US')} events, batches of ${batchSize}`, unit: 'events/s', better: 'higher' }],
  });

  const sample = makeEvents(1, 'size')[0];
  const valueBytes = Buffer.byteLength(JSON.stringify(sample.payload));
  const headerBytes = Object.entries(sample.headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  const kafkaShare = median(samples.subject.map((s) => s.kafkaShare));
  const relayBatch = median(samples.subject.map((s) => s.batchMs));
  const relaySend = median(samples.subject.map((s) => s.sendMsPerBatch));
  const kinds = [...new Set(samples.subject.flatMap((s) => Object.keys(s.perBatch)))];
  const sqlBreakdown = kinds
    .map((k) => [k, median(samples.subject.map((s) => s.perBatch[k] ?? 0))])
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)} ms`)
    .join(', ');
  const sqlTotal = kinds.reduce((sum, k) => sum + median(samples.subject.map((s) => s.perBatch[k] ?? 0)), 0);
  const rawBatch = median(samples.baseline.map((s) => s.batchMs));
  return {
    baseline: 'bare kafkajs producer (idempotent, acks=-1, maxInFlightRequests 1), pre-built messages',
    subject: `OutboxRelay.drain() from the built libs/messaging over a PostgreSQL outbox of ${events.toLocaleString('en-US')} committed rows`,
    rows,
    notes: [
      `Events: ${events.toLocaleString('en-US')} per run, DossierSubmitted-shaped, ${valueBytes} B JSON value + ${headerBytes} B of envelope headers, keyed by dossier code, ` +
        `one bench-only topic with ${TOPIC_PARTITIONS} partitions (deleted afterwards); ${runs} runs per side after a 2,000-event warm-up; relay rows inserted and ANALYZEd before the clock starts.`,
      `Per batch of ${batchSize} (median): relay ${fmt(relayBatch)} ms, raw ${fmt(rawBatch)} ms. Inside the relay, Kafka sendBatch took ${fmt(relaySend)} ms (${Math.round(kafkaShare * 100)} % of its time) ` +
        `and its SQL ${fmt(sqlTotal)} ms: ${sqlBreakdown} (client-side time per statement, including the pg driver's row parsing, jsonb → objects); the remainder is JSON re-encoding and bookkeeping.`,
      'drain() runs publishBatch back to back, which is what the relay loop does while full batches are waiting; it leaves out the NOTIFY wake-up (latency, not throughput) and the hourly prune.',
    ],
  };
}

function statementKind(sql) {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (/^SELECT pg_try_advisory_xact_lock/i.test(s)) return 'advisory lock';
  if (/^SELECT id, topic/i.test(s)) return 'claim (SELECT … FOR UPDATE SKIP LOCKED)';
  if (/^DELETE FROM outbox WHERE id/i.test(s)) return 'delete sent (DELETE … = ANY)';
  if (/^UPDATE outbox SET published_at/i.test(s)) return 'mark published (UPDATE … = ANY)';
  if (/^(START TRANSACTION|BEGIN)/i.test(s)) return 'BEGIN';
  if (/^COMMIT/i.test(s)) return 'COMMIT';
  return s.split(' ').slice(0, 2).join(' ');
}
