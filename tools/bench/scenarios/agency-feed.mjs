// agency-feed: what the agency feed costs to read, and how fast webhooks follow a commit.
// 1. Items/s read by following the feed's cursor through the gateway (limit 500, scoped to the agency system's
//    agency) vs the same keyset query (gap-free horizon, (xid, id) order, agency filter) run directly with `pg`.
// 2. Webhook delivery latency from the COMMIT of a feed row to the receiver's 2xx (the mock agency system, signed
//    and schema-checked), vs the floor of the mechanism: COMMIT → LISTEN/NOTIFY arrival on a bare pg connection.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { startMockAgencySystem } from '../../mock-agency-system/server.mjs';
import { compare, fmt, median } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);

export const name = 'agency-feed';
export const description =
  'Items/s read through GET /v1/agency-feed (gateway → dossier, limit 500, scoped) vs the same keyset query run directly with pg; ' +
  'webhook latency p50/p99 from sending the COMMIT of a feed item to the receiver\'s 2xx vs a bare COMMIT → LISTEN/NOTIFY round trip, timed the same way.';

const AGENCY = '000.00.15.H31';
const OTHER = '000.00.16.H31';

function itemData(i) {
  const code = `${AGENCY}-260112-${String(1000 + (i % 9000)).padStart(4, '0')}`;
  return {
    dossier: {
      code, procedureCode: '1.001234', procedureVersion: 1, receivingAgencyCode: AGENCY, channel: 'ONLINE', status: 1,
      receivedAt: '2026-01-12T09:30:00+07:00', dueAt: null, applicant: { fullName: `Công dân ${i}`, idNumber: '001086001234', phone: '0912345678' }, summary: 'Hồ sơ đo hiệu năng',
    },
  };
}

// The same statement as AgencyFeedStore.page (apps/dossier/src/agency-feed/agency-feed.store.ts).
const HORIZON = `LEAST(pg_snapshot_xmax(pg_current_snapshot()),
  (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
    WHERE a.backend_xid::text = (x::text::bigint % 4294967296)::text AND a.datname <> current_database())))`;
const PAGE_SQL = `SELECT id, xid::text AS xid, agency_code, dossier_code, type, occurred_at, recorded_at, data FROM agency_feed
  WHERE (xid, id) > ($1::text::xid8, $2::bigint) AND xid < ${HORIZON} AND agency_code = ANY($3::text[])
  ORDER BY xid, id LIMIT 500`;

export async function run(ctx) {
  const { Client } = require('pg');
  const items = ctx.options.quick ? 5_000 : 20_000;
  const deliveries = ctx.options.quick ? 20 : 100;
  const hub = await ctx.startHub({ apps: ['gateway', 'dossier'], env: { dossier: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_DELIVERY_INTERVAL_MS: '1000' } } });
  const apiKey = await hub.registerClient({ clientId: `bench-feed-${hub.suffix}`, kind: 'agency-system', roles: ['dossier:feed'], agencyCodes: [AGENCY] });

  // The agency's items and as many of another agency's, interleaved (the scope filter has work to do).
  await ctx.withPg(hub.databases.dossier, async (pg) => {
    for (let start = 0; start < items * 2; start += 2000) {
      const rows = Array.from({ length: 2000 }, (_, k) => start + k);
      await pg.query(
        `INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key)
         SELECT CASE WHEN n % 2 = 0 THEN $1 ELSE $2 END, d->'dossier'->>'code', 'dossier.submitted', now(), d, 'bench:' || n
           FROM unnest($3::int[], $4::jsonb[]) AS t(n, d)`,
        [AGENCY, OTHER, rows, rows.map((i) => JSON.stringify(itemData(i)))],
      );
    }
  });

  const readThroughGateway = async () => {
    let after = '';
    let n = 0;
    const t = performance.now();
    for (;;) {
      const res = await hub.request('GET', `/v1/agency-feed?limit=500${after ? `&after=${after}` : ''}`, { apiKey });
      if (res.status !== 200) throw new Error(`feed answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      n += res.body.items.length;
      if (res.body.items.length === 0) break;
      after = res.body.next;
    }
    if (n !== items) throw new Error(`read ${n} items through the gateway, expected ${items}`);
    return { itemsPerSec: n / ((performance.now() - t) / 1000) };
  };
  const readDirect = async () => {
    const pg = new Client({ connectionString: hub.databases.dossier });
    await pg.connect();
    try {
      let position = ['0', '0'];
      let n = 0;
      const t = performance.now();
      for (;;) {
        const { rows } = await pg.query(PAGE_SQL, [...position, [AGENCY]]);
        n += rows.length;
        if (rows.length === 0) break;
        position = [rows.at(-1).xid, rows.at(-1).id];
      }
      if (n !== items) throw new Error(`read ${n} items with pg, expected ${items}`);
      return { itemsPerSec: n / ((performance.now() - t) / 1000) };
    } finally {
      await pg.end();
    }
  };
  const read = await compare({
    runs: ctx.options.runs,
    log: ctx.log,
    baseline: { label: 'keyset query with pg', measure: readDirect },
    subject: { label: 'GET /v1/agency-feed through the gateway', measure: readThroughGateway },
    metrics: [{ key: 'itemsPerSec', metric: `items/s reading ${items} items (pages of 500)`, unit: 'items/s', better: 'higher' }],
  });

  // Webhooks: the mock agency system as receiver; each item is committed alone, one at a time.
  const arrivals = new Map();
  const secret = `bench-secret-${hub.suffix}`;
  const mock = await startMockAgencySystem({ port: 0, secret, log: () => undefined, onDelivery: (body) => arrivals.set(body.item.dossier.summary, performance.now()) });
  ctx.defer('stop the mock agency system', () => mock.close());
  const put = await hub.request('PUT', `/v1/agency-webhooks/${AGENCY}`, { apiKey, body: { url: mock.url, secret, eventTypes: ['dossier.submitted'] } });
  if (put.status !== 200) throw new Error(`PUT webhook answered ${put.status}: ${JSON.stringify(put.body).slice(0, 300)}`);

  const writer = new Client({ connectionString: hub.databases.dossier });
  await writer.connect();
  ctx.defer('close the writer', () => writer.end());
  const webhookLatencies = async (run) => {
    const latencies = [];
    for (let i = 0; i < deliveries; i++) {
      const tag = `latency-${run}-${i}`;
      const data = itemData(i);
      data.dossier.summary = tag;
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key) VALUES ($1, $2, 'dossier.submitted', now(), $3, $4)`, [AGENCY, data.dossier.code, data, `bench:${tag}`]);
      const committed = performance.now(); // as COMMIT is sent: see notifyLatencies
      await writer.query('COMMIT');
      const deadline = Date.now() + 30_000;
      while (!arrivals.has(tag) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      if (!arrivals.has(tag)) throw new Error(`no delivery of ${tag} within 30 s`);
      latencies.push(arrivals.get(tag) - committed);
    }
    return latencies;
  };
  const listener = new Client({ connectionString: hub.databases.dossier });
  await listener.connect();
  ctx.defer('close the listener', () => listener.end());
  await listener.query('LISTEN bench_floor');
  const notifyLatencies = async () => {
    const latencies = [];
    for (let i = 0; i < deliveries; i++) {
      const arrived = new Promise((resolve) => listener.once('notification', () => resolve(performance.now())));
      await writer.query('BEGIN');
      await writer.query(`SELECT pg_notify('bench_floor', $1)`, [String(i)]);
      // Timed from sending COMMIT, not from its answer: the notification and the answer reach this one process on two
      // sockets in either order, and timed from the answer a NOTIFY round trip read ~0.1 ms, or less than nothing.
      const committed = performance.now();
      await writer.query('COMMIT');
      latencies.push((await arrived) - committed);
    }
    return latencies;
  };
  const pct = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
  const latency = await compare({
    runs: ctx.options.runs,
    log: ctx.log,
    baseline: { label: 'COMMIT → NOTIFY on a bare connection', measure: async () => { const l = await notifyLatencies(); return { p50: pct(l, 50), p99: pct(l, 99) }; } },
    subject: { label: 'COMMIT → webhook 2xx (mock agency system)', measure: async (run) => { const l = await webhookLatencies(run); return { p50: pct(l, 50), p99: pct(l, 99) }; } },
    metrics: [
      { key: 'p50', metric: `webhook latency p50 (${deliveries} items, one at a time)`, unit: 'ms', better: 'lower' },
      { key: 'p99', metric: `webhook latency p99 (${deliveries} items, one at a time)`, unit: 'ms', better: 'lower' },
    ],
  });
  ctx.note(`Feed: ${items} items of the caller's agency among ${items * 2}; webhook latency from the writer sending COMMIT to the receiver having verified the signature and the schema (before its 204).`);
  ctx.note(`Median webhook p99 ${fmt(median(latency.samples.subject.map((s) => s.p99)))} ms; the worker wakes on NOTIFY, so the floor is the NOTIFY round trip plus one enqueue, claim and POST.`);
  return { baseline: 'the keyset query with pg / a bare COMMIT → NOTIFY', subject: 'the feed through the gateway / webhook delivery', rows: [...read.rows, ...latency.rows] };
}
