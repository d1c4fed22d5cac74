// The mock agency system: a webhook receiver as an agency's one-stop system would run it. It verifies the
// X-Hub-Signature (HMAC-SHA256 of "<t>.<body>" with the shared secret, t within 5 minutes), validates the body
// against the published data-packet standard (docs/standard/schemas/packets/agency-webhook.delivery.v1.json, JSON
// Schema 2020-12 with ajv), prints what it got and answers 204 (401 bad signature, 422 not the standard's shape).
//
//   node tools/mock-agency-system/server.mjs --port 4010 --secret <the secret given to PUT /v1/agency-webhooks/…>
//                                            [--record <file>]  appends every signed JSON body to <file>, one a line
//                                                               (the e2e run keeps them for its data-packet check)
//
// `npm start` runs it for the sample agency system and registers it (tools/mock-agency-system/connect.mjs).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const SCHEMA = new URL('docs/standard/schemas/packets/agency-webhook.delivery.v1.json', ROOT);
const TOLERANCE_SECONDS = 300;
const MAX_BODY_BYTES = 1024 * 1024;

/** The published schema of a webhook body, compiled with ajv (draft 2020-12) and ajv-formats. */
export function loadDeliveryValidator() {
  const require = createRequire(fileURLToPath(new URL('package.json', ROOT)));
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  return (value) => (validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '(root)'} ${e.message}`));
}

export function verifySignature(secret, body, header, nowSeconds = Math.floor(Date.now() / 1000)) {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return 'missing or malformed X-Hub-Signature';
  if (Math.abs(nowSeconds - Number(match[1])) > TOLERANCE_SECONDS) return 'signature too old (replayed?)';
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex')) ? null : 'signature does not match';
}

/**
 * Starts the receiver on 127.0.0.1:`port` (0: any free port). Resolves with its URL and a `close()`.
 * @param {{ port: number, secret: string, log?: (line: string) => void, onDelivery?: (body: object) => void, record?: string }} options
 */
export function startMockAgencySystem({ port, secret, log = (l) => console.log(`[agency-system] ${l}`), onDelivery, record }) {
  const validate = loadDeliveryValidator();
  const server = createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const answer = (status, line) => {
        log(line);
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(status < 300 ? '' : line);
      };
      if (req.method !== 'POST') return answer(405, `${req.method} ${req.url}: only POST is a delivery`);
      const body = Buffer.concat(chunks).toString('utf8');
      const refused = size > MAX_BODY_BYTES ? 'body too large' : verifySignature(secret, body, req.headers['x-hub-signature']);
      if (refused) return answer(401, `✗ refused a delivery: ${refused}`);
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return answer(422, '✗ signed, but not JSON');
      }
      if (record) appendFileSync(record, `${JSON.stringify(parsed)}\n`);
      const errors = validate(parsed);
      if (errors.length > 0) return answer(422, `✗ signed, but not an agency-webhook.delivery.v1 packet: ${errors.join('; ')}`);
      const { item } = parsed;
      const who = item.dossier?.applicant?.fullName ?? '';
      onDelivery?.(parsed);
      answer(204, `✓ ${item.type} ${item.dossierCode}${who ? ` (${who})` : ''} for ${parsed.agencyCode}, attempt ${req.headers['x-hub-attempt'] ?? '?'}: signature ok, matches the published schema`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/webhooks`;
      resolve({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const secret = arg('secret', process.env.MOCK_AGENCY_SECRET);
  if (!secret) {
    console.error('usage: node tools/mock-agency-system/server.mjs --port 4010 --secret <webhook secret>');
    process.exit(2);
  }
  const { url } = await startMockAgencySystem({ port: Number(arg('port', '4010')), secret, record: arg('record') });
  console.log(`[agency-system] receiving webhooks at ${url}`);
}
