// One process of the bare chain (see bare-chain.mjs), started as `node bare-chain-proc.mjs <role>`:
//   service  — node:http; reads the JSON body, `BEGIN; INSERT` it as one jsonb row`; COMMIT` (pg pool), answers 201;
//              a body `{ "dossiers": [...] }` (a sync batch) is upserted instead by the dossier-sync baseline's
//              statement (`rawUpsert`), answered 200
//   proxy    — node:http; forwards the request as it came (keep-alive agent) to TARGET_URL and the answer back
// It prints `listening <port>` once ready. Nothing else: no auth, no validation, no logging, no events.
import http from 'node:http';
import { createRequire } from 'node:module';
import { rawUpsert } from './sync-records.mjs';
import { readBody } from './util.mjs';

const require = createRequire(import.meta.url);
const role = process.argv[2];
const connections = Number(process.env.POOL_MAX ?? 16);

function service() {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: connections });
  return async (req, res) => {
    const doc = JSON.parse((await readBody(req)).toString('utf8'));
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const batch = Array.isArray(doc.dossiers);
      const result = batch ? await rawUpsert(c, doc.dossiers) : await c.query('INSERT INTO raw_dossier (doc) VALUES ($1) RETURNING id', [JSON.stringify(doc)]);
      await c.query('COMMIT');
      const body = JSON.stringify(batch ? { stored: result.rowCount } : { id: result.rows[0].id });
      res.writeHead(batch ? 200 : 201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      res.writeHead(500).end(String(e));
    } finally {
      c.release();
    }
  };
}

function proxy() {
  const target = new URL(process.env.TARGET_URL);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return async (req, res) => {
    const body = await readBody(req);
    const out = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (answer) => {
        res.writeHead(answer.statusCode, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
        answer.pipe(res);
      },
    );
    out.on('error', (e) => res.writeHead(502).end(String(e)));
    out.end(body);
  };
}

const handler = role === 'service' ? service() : role === 'proxy' ? proxy() : undefined;
if (!handler) throw new Error(`bare-chain-proc: role must be service or proxy, got ${role}`);
const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => void handler(req, res));
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
