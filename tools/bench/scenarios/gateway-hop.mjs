// gateway-hop: what the gateway costs on a cheap authenticated GET, by comparing the same request sent
// through the gateway (API key, and OAuth2 bearer token) and straight to the rating service (signed x-hub-identity
// header). The gateway runs with its rate limiter on (Redis; a limit high enough never to refuse).
import { fmt, median } from '../lib/stats.mjs';

export const name = 'gateway-hop';
export const description =
  'GET /v1/ratings/eligibility/<code> through the gateway (x-api-key, and an OAuth2 EdDSA bearer token) vs straight to the rating service (signed x-hub-identity), same connections and duration; ' +
  'the endpoint is authenticated and role-checked but cheap (one primary-key read), so the ratios show what the extra hop costs.';

const DOSSIER_CODE = '000.00.15.H31-260112-0001';
const CLIENT = { clientId: 'bench-portal', kind: 'portal', roles: ['rating:read'], agencyCodes: [] };

export async function run(ctx) {
  // Rate limiting stays on (one Redis script call per request) with a limit the load never reaches.
  const gatewayEnv = { RATE_LIMIT_READ: '1000000000', RATE_LIMIT_KEY_PREFIX: `hub:bench:${process.pid}:${Date.now()}:` };
  const hub = await ctx.startHub({ apps: ['gateway', 'rating'], env: { gateway: gatewayEnv } });

  // One dossier the rating service knows (normally learnt from dossier.received.v1), so the answer is a 200.
  await ctx.withPg(hub.databases.rating, (c) =>
    c.query(
      `INSERT INTO rateable_dossier (dossier_code, procedure_code, receiving_agency_code, status, submitted_at, updated_at)
       VALUES ($1, '1.001234', '000.00.15.H31', 2, now(), now())`,
      [DOSSIER_CODE],
    ),
  );
  const apiKey = await hub.registerClient(CLIENT);
  const path = `/v1/ratings/eligibility/${DOSSIER_CODE}`;
  const viaGateway = { url: `${hub.urls.gateway}${path}`, headers: { 'x-api-key': apiKey } };
  const token = await issueToken(hub.urls.gateway, CLIENT.clientId, apiKey);
  const viaGatewayJwt = { url: `${hub.urls.gateway}${path}`, headers: { authorization: `Bearer ${token}` } };
  // Signed for each request, as the gateway does: a service accepts an identity once, for a few seconds.
  const directHeaders = () => ({ 'x-hub-identity': hub.identityHeader(CLIENT, { app: 'rating', method: 'GET', path }) });
  const direct = { url: `${hub.urls.rating}${path}`, headersPerRequest: directHeaders };

  // Both paths must give the same answer, or the comparison means nothing.
  const a = await hub.request('GET', path, { apiKey });
  const b = await hub.request('GET', path, { app: 'rating', headers: directHeaders() });
  const c = await hub.request('GET', path, { headers: viaGatewayJwt.headers });
  if (a.status !== 200 || b.status !== 200 || c.status !== 200 || JSON.stringify(a.body) !== JSON.stringify(b.body) || JSON.stringify(c.body) !== JSON.stringify(b.body)) {
    throw new Error(`sanity check: gateway ${a.status} ${JSON.stringify(a.body)}, with a token ${c.status}, vs direct ${b.status} ${JSON.stringify(b.body)}`);
  }
  ctx.log(`both paths answer 200 ${JSON.stringify(a.body)}`);

  const cpuPids = { gateway: hub.pidOf('gateway'), rating: hub.pidOf('rating'), loadgen: process.pid };
  const { connections, durationSec, warmupSec } = ctx.options;
  const measure = (target, load) => () => ctx.load({ ...target, ...load, cpuPids });

  // 1. Saturated: many connections, the machine's maximum throughput and the tail latency under load.
  const saturated = { connections, durationSec, warmupSec };
  const sat = await ctx.compare({
    baseline: { label: 'direct', measure: measure(direct, saturated) },
    subject: { label: 'via gateway', measure: measure(viaGateway, saturated) },
    metrics: [
      { key: 'rps', metric: `throughput, ${connections} connections`, unit: 'req/s', better: 'higher' },
      { key: 'p99', metric: `p99 latency, ${connections} connections`, unit: 'ms', better: 'lower' },
    ],
  });

  // 1b. Saturated again, through the gateway with an OAuth2 access token instead of the API key (signature check per request).
  const jwt = await ctx.compare({
    baseline: { label: 'direct', measure: measure(direct, saturated) },
    subject: { label: 'via gateway, bearer token', measure: measure(viaGatewayJwt, saturated) },
    metrics: [
      { key: 'rps', metric: `throughput with a bearer token, ${connections} connections`, unit: 'req/s', better: 'higher' },
      { key: 'p99', metric: `p99 latency with a bearer token, ${connections} connections`, unit: 'ms', better: 'lower' },
    ],
  });

  // 2. One connection, one request at a time: latency without queueing, i.e. what the extra hop adds.
  const single = { connections: 1, durationSec: Math.max(2, Math.round(durationSec / 2)), warmupSec: Math.min(warmupSec, 1) };
  const one = await ctx.compare({
    baseline: { label: 'direct', measure: measure(direct, single) },
    subject: { label: 'via gateway', measure: measure(viaGateway, single) },
    metrics: [
      { key: 'p50', metric: 'p50 latency, 1 connection', unit: 'ms', better: 'lower' },
      { key: 'p99', metric: 'p99 latency, 1 connection', unit: 'ms', better: 'lower' },
    ],
  });

  const all = [...sat.samples.baseline, ...sat.samples.subject, ...jwt.samples.baseline, ...jwt.samples.subject, ...one.samples.baseline, ...one.samples.subject];
  const failures = all.reduce((n, s) => n + s.non2xx + s.errors + s.timeouts, 0);
  if (failures > 0) ctx.warn(`${failures} requests answered other than 200 (or failed, or timed out)`);
  const cpu = (samples, proc) => fmt(median(samples.map((s) => s.cpuUsPerReq[proc])));
  const notes = [
    `Endpoint: \`GET ${path}\` (a seeded dossier, answer 200, ${Buffer.byteLength(JSON.stringify(a.body))} bytes). Chosen over \`/health/live\` because it exercises ` +
      'the real authenticated path on both sides: API-key check (cached) and identity signing in the gateway, identity verification, role check and a primary-key read in the service. ' +
      'The apps run with LOG_LEVEL=warn (no access log), as child processes of the harness; autocannon runs in the harness process on the same 2 cores.',
    `CPU per request at ${connections} connections (median µs): direct — rating ${cpu(sat.samples.baseline, 'rating')}, load generator ${cpu(sat.samples.baseline, 'loadgen')}; ` +
      `via gateway — gateway ${cpu(sat.samples.subject, 'gateway')}, rating ${cpu(sat.samples.subject, 'rating')}, load generator ${cpu(sat.samples.subject, 'loadgen')}.`,
    failures === 0 ? 'Every response was a 200 (no errors, no timeouts).' : `**${failures} non-2xx responses, errors or timeouts** in the measured runs: see the log.`,
  ];
  await hub.stop();
  return {
    baseline: 'straight to the rating service',
    subject: 'through the gateway',
    rows: [...sat.rows, ...jwt.rows, ...one.rows],
    notes,
  };
}

/** OAuth2 client credentials against the gateway: the API key is the client secret. */
async function issueToken(gatewayUrl, clientId, apiKey) {
  const res = await fetch(`${gatewayUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token request: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}
