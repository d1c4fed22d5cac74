// index-update: how fast the rating service turns dossier.status-changed.v1 events into the live
// service-quality index. Subject: the built rating app consuming N status changes on the real topic (inbox,
// per-dossier facts, counter deltas, one transaction per chunk), timed until its counters hold all N. Baseline:
// a bare kafkajs consumer that only commits offsets, reading the same N events from a bench-only topic. Then
// the delay from producing one status change to GET /v1/service-index/{agency} showing it, p50/p99.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fmt } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);

export const name = 'index-update';
export const description =
  'Events/s applied to the service-quality index by the built rating app (dossier.status-changed.v1 → counters) vs a bare kafkajs consumer ' +
  'that only commits offsets, on the same events; and the p99 delay from a status change produced to the index reflecting it.';

const TOPIC_PARTITIONS = 3;
/** The index consumes these; its group starts at their end so other runs' history is not replayed. */
const INDEX_TOPICS = [
  'dossier.received.v1',
  'dossier.status-changed.v1',
  'payment.succeeded.v1',
  'rating.given.v1',
  'catalogue.procedure.published.v1',
  'catalogue.agency.upserted.v1',
];
const AGENCIES = 20;

export async function run(ctx) {
  const { Kafka, Partitioners, logLevel } = require('kafkajs');
  const events = ctx.options.quick ? 2_000 : 10_000;
  const probes = ctx.options.quick ? 20 : 100;
  const runs = Math.max(ctx.options.runs, ctx.options.quick ? 1 : 3);
  const suffix = ctx.randomSuffix();
  const groupId = `rating-bench-index-${suffix}`;
  const kafka = new Kafka({ clientId: `bench-index-${suffix}`, brokers: ctx.kafkaBrokers, ...(ctx.kafkaSasl ? { sasl: ctx.kafkaSasl } : {}), logLevel: logLevel.ERROR });

  const admin = kafka.admin();
  await admin.connect();
  ctx.defer('disconnect the Kafka admin', () => admin.disconnect());
  const existing = await admin.listTopics();
  await admin.createTopics({
    waitForLeaders: true,
    topics: INDEX_TOPICS.filter((t) => !existing.includes(t)).map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: 1 })),
  });
  // Start the app's group at the end of every topic it reads (an empty group takes committed offsets as-is).
  for (const topic of INDEX_TOPICS) {
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })) });
  }
  const hub = await ctx.startHub({ apps: ['rating'], env: { rating: { KAFKA_GROUP_ID: groupId } } });
  ctx.defer(`delete consumer group ${groupId}`, () => admin.deleteGroups([groupId]).catch(() => undefined));

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  ctx.defer('disconnect the producer', () => producer.disconnect());

  // Agency codes unique to this run: short form H<2 digits>.<1-4 digits>.
  const base = (parseInt(suffix.slice(0, 4), 16) % 80) * 100;
  const agencyCode = (prefix, i) => `${prefix}.${base + i}`;
  const headers = (type, eventId = randomUUID()) => ({
    'event-id': eventId,
    'event-type': type,
    'event-version': '1',
    'occurred-at': new Date().toISOString(),
    producer: 'dossier',
    'correlation-id': randomUUID(),
  });
  const statusChanged = (agency, n, timeliness) => {
    const dossierCode = `${agency}-260115-${String(n).padStart(6, '0')}`;
    const payload = {
      dossierCode,
      procedureCode: '1.001234',
      procedureVersion: 1,
      receivingAgencyCode: agency,
      channel: n % 2 ? 'ONLINE' : 'COUNTER',
      receivedAt: '2026-01-15T09:00:00+07:00',
      dueAt: '2026-01-30T17:00:00+07:00',
      dueDateState: 'SET',
      feeTotal: n % 3 ? 0 : 50_000,
      resultElectronic: n % 2 === 0,
      documentsDigitised: n % 4 !== 0,
      revision: 2,
      from: 4,
      to: 9,
      at: '2026-01-20T10:00:00+07:00',
      source: 'sync',
      timeliness,
      finishedAt: '2026-01-20T10:00:00+07:00',
    };
    return { key: dossierCode, value: JSON.stringify(payload), headers: headers('dossier.status-changed') };
  };
  const sendAll = async (topic, messages) => {
    for (let i = 0; i < messages.length; i += 500) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500) });
  };
  const counted = async (agencies) =>
    ctx.withPg(hub.databases.rating, async (c) => {
      const r = await c.query(`SELECT coalesce(sum(denominator), 0)::int AS n FROM index_counter WHERE indicator = 'syncTimeliness' AND agency_code = ANY($1)`, [agencies]);
      return r.rows[0].n;
    });

  // Subject: the rating app applying N status changes, produced up-front, timed until its counters hold them all.
  let batchNo = 0;
  const indexSide = async () => {
    const prefix = `H${String(10 + (batchNo++ % 80)).padStart(2, '0')}`;
    const agencies = Array.from({ length: AGENCIES }, (_, i) => agencyCode(prefix, i));
    const messages = Array.from({ length: events }, (_, n) => statusChanged(agencies[n % AGENCIES], n + 1 + batchNo * events, n % 5 ? 'ON_TIME' : 'LATE'));
    const before = await counted(agencies);
    const t = performance.now();
    await sendAll('dossier.status-changed.v1', messages);
    for (;;) {
      if ((await counted(agencies)) - before >= events) break;
      if (performance.now() - t > 600_000) throw new Error('the index did not apply the events within 10 minutes');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { eps: (events * 1000) / (performance.now() - t) };
  };

  // Baseline: a bare consumer (fresh group, bench-only topic) that only commits offsets.
  const rawSide = async () => {
    const topic = `bench.index-update.${suffix}.${batchNo++}`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: 1 }] });
    ctx.defer(`delete topic ${topic}`, () => admin.deleteTopics({ topics: [topic] }));
    const consumer = kafka.consumer({ groupId: `bench-index-raw-${suffix}-${batchNo}` });
    await consumer.connect();
    let seen = 0;
    let done;
    const all = new Promise((r) => (done = r));
    let t = 0;
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat }) => {
        if (batch.messages.length === 0) return;
        resolveOffset(batch.messages[batch.messages.length - 1].offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
        seen += batch.messages.length;
        if (seen >= events) done();
      },
    });
    const messages = Array.from({ length: events }, (_, n) => statusChanged(agencyCode('H99', n % AGENCIES), n + 1, 'ON_TIME'));
    t = performance.now();
    await sendAll(topic, messages);
    await Promise.race([all, new Promise((_, rej) => setTimeout(() => rej(new Error('bare consumer timed out')), 600_000))]);
    const ms = performance.now() - t;
    await consumer.disconnect();
    return { eps: (events * 1000) / ms };
  };

  const { rows } = await ctx.compare({
    baseline: { label: 'bare consumer', measure: rawSide },
    subject: { label: 'rating index', measure: indexSide },
    metrics: [{ key: 'eps', metric: `events applied (${events} status changes)`, unit: 'events/s', better: 'higher' }],
    runs,
  });

  // Where the time goes: how many consumer chunks (one transaction each) applied the status changes.
  const chunks = await ctx.withPg(hub.databases.rating, async (c) => {
    const r = await c.query(
      `SELECT count(*)::int AS events, count(DISTINCT xmin::text)::int AS chunks FROM inbox WHERE topic = 'dossier.status-changed.v1'`,
    );
    return r.rows[0];
  });
  ctx.note(
    `The index applied the ${chunks.events.toLocaleString('en')} status changes of this scenario (warm-up and measured runs) in ${chunks.chunks.toLocaleString('en')} consumer chunks ` +
      `(one transaction each: inbox insert, rating windows, dossier locks, status changes, held copies and payments read, copies saved, counter deltas appended), ` +
      `${(chunks.events / Math.max(1, chunks.chunks)).toFixed(1)} events per chunk on average.`,
  );

  // Delay: one status change at a time, for an agency the index knows; timed until its score appears.
  const probeAgencies = Array.from({ length: probes }, (_, i) => agencyCode('H98', i));
  await sendAll(
    'catalogue.agency.upserted.v1',
    probeAgencies.map((code) => ({
      key: code,
      value: JSON.stringify({ code, name: `Bench sample ${code}`, level: 'PROVINCE', active: true, revision: 1 }),
      headers: { ...headers('catalogue.agency.upserted'), producer: 'catalogue' },
    })),
  );
  const index = (code) => hub.request('GET', `/v1/service-index/${code}?period=2026-01`, { app: 'rating' });
  for (let i = 0; i < 600 && (await index(probeAgencies[probes - 1])).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  const delays = [];
  for (const [i, code] of probeAgencies.entries()) {
    const t = performance.now();
    await producer.send({ topic: 'dossier.status-changed.v1', acks: -1, messages: [statusChanged(code, 900_000 + i, 'LATE')] });
    for (let j = 0; ; j++) {
      const r = await index(code);
      if (r.status === 200 && r.body.total !== null) break;
      if (j > 3_000) throw new Error(`the index did not reflect the status change of ${code}`);
      await new Promise((res) => setTimeout(res, 5));
    }
    delays.push(performance.now() - t);
  }
  delays.sort((a, b) => a - b);
  const pct = (p) => delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)];
  ctx.note(`Delay status-changed produced → GET /v1/service-index/{agency} reflecting it, ${probes} sequential probes: p50 ${fmt(pct(50))} ms, p99 ${fmt(pct(99))} ms, max ${fmt(delays[delays.length - 1])} ms (includes the 5 ms polling step).`);
  ctx.note(`The app's consumer group starts at the end of the shared topics, so other runs' history is not replayed; ${AGENCIES} agencies per batch; median of ${runs} pair(s). Counters read with SQL to detect completion.`);
  return {
    baseline: 'bare kafkajs consumer committing offsets (bench-only topic)',
    subject: 'built rating app: inbox + per-dossier facts + counter deltas',
    rows,
  };
}
