// One process of the floor of the design (see bare-chain.mjs), started as `node design-floor-proc.mjs <role>`:
//   service — node:http where the dossier service sits. An intake joins a group commit: one statement numbers the
//             group's dossiers per agency and day, stores them and one event each (design-floor-sql.mjs), one commit;
//             then 201 with the code. A sync batch (`{ "dossiers": [...] }`) is one upsert with one event per record,
//             200. A relay loop sends the committed events to Kafka (kafkajs, idempotent, acks=-1, the envelope
//             headers) and removes them: woken by each commit (5 ms later, so commits meanwhile share its cycle), at
//             once while a full batch waits, and otherwise every second. (It polled every 5 ms once: ~200 idle
//             transactions a second, each walking the removed rows at the head of its outbox's key, in the background
//             of every other measurement of the scenario, the hub's and the raw loop's included.)
//   proxy   — node:http where the gateway sits. Forwards the request (keep-alive agent), reads the answer, and before
//             passing a 2xx on appends the exchange to a hash-chained log in its own database (group commit, durable).
// It prints `listening <port>` once ready. Nothing else: no auth, rate limit, identity signature, validation,
// history, feed, NOTIFY, logging or metrics.
// With HUB_INTAKE_STATEMENT (a file of the hub's captured intake statement, capture-statement-preload.cjs), the service
// runs the hub's own statement on a database with the hub's dossier schema instead (history, feed item, lookup hash,
// its indexes, checks and NOTIFY triggers), and the relay takes the events from the hub's outbox table, with their own
// envelope headers: the floor of the design with the hub's database work, the apps still bare.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { FLOOR_CLAIM, HUB_OUTBOX_CLAIM, exchangeAppend, hubIntakeWriter, intakeWrite, relayCycle, syncWrite } from './design-floor-sql.mjs';
import { readBody, sleep } from './util.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');
// The hub's GroupCommit (libs/persistence, built), so the floor batches exactly as the hub does.
const { GroupCommit } = require(process.env.GROUP_COMMIT_JS);
const role = process.argv[2];
const connections = Number(process.env.POOL_MAX ?? 16);
const RELAY_BATCH = 500;
const RELAY_COALESCE_MS = 5;
const RELAY_IDLE_POLL_MS = 1000;
const MAX_GROUP = 64; // as the hub's intake groups (MAX_INTAKE_GROUP)
const hubStatement = process.env.HUB_INTAKE_STATEMENT ? JSON.parse(readFileSync(process.env.HUB_INTAKE_STATEMENT, 'utf8')) : undefined;

/** Batches concurrent calls of `commit(items)`; a failed group fails each of its callers with the error. */
const groupCommit = (commit) => {
  const group = new GroupCommit({ commit, maxGroup: MAX_GROUP, onFailure: (error) => error });
  return (item) => group.submit(item);
};

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

function answer(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Tells the relay that events were committed (set by startRelay). */
let wakeRelay = () => undefined;

async function startRelay(pool) {
  const { Kafka, Partitioners, logLevel } = require('kafkajs');
  const sasl = process.env.KAFKA_SASL ? { sasl: JSON.parse(process.env.KAFKA_SASL) } : {};
  const producer = new Kafka({ clientId: 'bench-design-floor', brokers: process.env.KAFKA_BROKERS.split(','), ...sasl, logLevel: logLevel.ERROR }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const topic = process.env.TOPIC;
  const send = (rows) =>
    producer.send({
      topic,
      acks: -1,
      messages: rows.map((r) => ({
        key: r.key,
        value: r.value,
        headers: r.headers ?? {
          'event-id': randomUUID(),
          'event-type': r.topic,
          'event-version': '1',
          'occurred-at': r.created_at.toISOString(),
          producer: 'dossier',
          'correlation-id': String(r.id),
          'causation-id': String(r.id),
          traceparent: `00-${randomUUID().replaceAll('-', '')}-${'0'.repeat(15)}1-01`,
        },
      })),
    });
  // A commit while a cycle runs leaves `woken` set, and the next wait returns at once: no committed event waits a poll.
  let woken = false;
  let onWake;
  wakeRelay = () => {
    woken = true;
    onWake?.();
  };
  const untilWoken = () =>
    new Promise((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(resolve, RELAY_IDLE_POLL_MS);
      onWake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (onWake = undefined));
  const client = await pool.connect();
  void (async () => {
    for (;;) {
      try {
        woken = false;
        if ((await relayCycle(client, RELAY_BATCH, send, hubStatement ? HUB_OUTBOX_CLAIM : FLOOR_CLAIM)) < RELAY_BATCH) {
          await untilWoken();
          await sleep(RELAY_COALESCE_MS);
        }
      } catch (e) {
        console.error(`relay: ${e.message}`);
        await sleep(100);
      }
    }
  })();
}

async function service() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  await startRelay(pool);
  const write = hubStatement ? hubIntakeWriter(hubStatement) : intakeWrite;
  const submit = groupCommit(async (intakes) => {
    const c = await pool.connect();
    try {
      return await write(c, intakes);
    } finally {
      c.release();
      wakeRelay();
    }
  });
  return async (req, res) => {
    const doc = JSON.parse((await readBody(req)).toString('utf8'));
    try {
      if (Array.isArray(doc.dossiers)) {
        const c = await pool.connect();
        try {
          answer(res, 200, { stored: await syncWrite(c, doc.dossiers) });
        } finally {
          c.release();
          wakeRelay();
        }
      } else {
        answer(res, 201, { code: await submit({ agency: doc.receivingAgencyCode, doc }) });
      }
    } catch (e) {
      answer(res, 500, { error: String(e) });
    }
  };
}

async function proxy() {
  const target = new URL(process.env.TARGET_URL);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  let head = { seq: 0, hash: '0'.repeat(64) };
  const record = groupCommit(async (exchanges) => {
    let { seq, hash } = head;
    const entries = exchanges.map((entry) => {
      seq += 1;
      hash = sha256(hash + JSON.stringify(entry));
      return { seq, entry, hash };
    });
    const c = await pool.connect();
    try {
      await exchangeAppend(c, entries);
    } finally {
      c.release();
    }
    head = { seq, hash };
    return entries.map((e) => e.seq);
  });
  const forward = (req, body) =>
    new Promise((resolve, reject) => {
      const out = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (upstream) => readBody(upstream).then((b) => resolve({ status: upstream.statusCode, body: b }), reject),
      );
      out.on('error', reject);
      out.end(body);
    });
  return async (req, res) => {
    try {
      const body = await readBody(req);
      const upstream = await forward(req, body);
      if (upstream.status < 300) {
        const at = new Date().toISOString();
        await record({ at, client: 'bench', method: req.method, path: req.url, status: upstream.status, requestHash: sha256(body), responseHash: sha256(upstream.body) });
      }
      answer(res, upstream.status, upstream.body.toString('utf8'));
    } catch (e) {
      answer(res, 502, { error: String(e) });
    }
  };
}

const handler = role === 'service' ? await service() : role === 'proxy' ? await proxy() : undefined;
if (!handler) throw new Error(`design-floor-proc: role must be service or proxy, got ${role}`);
const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => void handler(req, res));
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
