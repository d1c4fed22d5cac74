// `npm start`: runs the mock agency system beside the hub, registers it as the webhook of the sample agency system's
// agencies, and submits one online sample dossier so a first signed delivery shows up within seconds.
import { createHmac } from 'node:crypto';
import { startMockAgencySystem } from './server.mjs';

const EVENT_TYPES = ['dossier.submitted', 'dossier.withdrawn', 'dossier.supplement-submitted', 'payment.succeeded', 'payment.refunded', 'rating.given'];
const DEMO = { procedureCode: '2.009013', receivingAgencyCode: '000.00.16.H31' };

async function call(url, key, method, body) {
  const res = await fetch(url, {
    method,
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${new URL(url).pathname} answered ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text || '{}');
}

/**
 * @param {{ gatewayUrl: string, port: number, secrets: { identityKeys: { signingKey: string }, clients: Record<string, string> }, system: { clientId: string, agencyCodes: string[] }, log: (l: string) => void, cleanup: { defer(label: string, fn: () => unknown): unknown } }} o
 */
export async function connectMockAgencySystem({ gatewayUrl, port, secrets, system, log, cleanup }) {
  // Development only: a secret derived from this clone's development key, stable across restarts.
  const secret = createHmac('sha256', secrets.identityKeys.signingKey).update('mock-agency-system').digest('base64url');
  const mock = await startMockAgencySystem({ port, secret, log: (l) => log(`[agency-system] ${l}`) });
  cleanup.defer('stop the mock agency system', () => mock.close());
  const key = secrets.clients[system.clientId];
  for (const agency of system.agencyCodes) {
    await call(`${gatewayUrl}/v1/agency-webhooks/${agency}`, key, 'PUT', { url: mock.url, secret, eventTypes: EVENT_TYPES });
  }
  log(`mock agency system at ${mock.url}: the webhook of ${system.clientId} (${system.agencyCodes.join(', ')})`);
  const portal = secrets.clients['sample-portal'];
  if (portal && system.agencyCodes.includes(DEMO.receivingAgencyCode)) {
    const dossier = await call(`${gatewayUrl}/v1/dossiers`, portal, 'POST', {
      ...DEMO,
      applicant: { fullName: 'Nguyễn Văn Mẫu', idNumber: '001086009999' },
      summary: 'Hồ sơ mẫu: minh hoạ webhook (sample data)',
    });
    log(`submitted online sample dossier ${dossier.code}: its delivery to the mock agency system follows in a few seconds`);
  }
  return mock;
}
