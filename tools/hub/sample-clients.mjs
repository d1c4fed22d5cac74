// Sample API clients through the gateway's admin API, idempotently, in any clone and on any database state:
// each gets the name, agencies and roles of sample-clients.json on every start (PATCH), is registered if it
// does not exist (POST), and gets a new key (POST …:rotate-key) when this clone's secrets file has no key for it
// or an outdated one (another clone rotated it). Keys are shown once, so each is saved as soon as it is issued.
import { readFileSync } from 'node:fs';

const DEFINITIONS = new URL('./sample-clients.json', import.meta.url);

/** The sample administrator (hub:admin), kept with the other sample keys in .local/dev-secrets.json. */
const ADMIN = 'sample-admin';

export function sampleClients() {
  return JSON.parse(readFileSync(DEFINITIONS, 'utf8'));
}

/** Public part of a key (`hub_<prefix>_…`), as the gateway's client view shows it. */
const prefixOf = (key) => /^hub_([0-9a-f]{8})_/.exec(key ?? '')?.[1];

async function call(gatewayUrl, adminKey, method, path, body) {
  const res = await fetch(`${gatewayUrl}/v1/admin/api-clients${path}`, {
    method,
    headers: { 'x-api-key': adminKey, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

function refused(client, what, res) {
  return new Error(`sample client ${client.clientId}: ${what} answered ${res.status} ${res.text.slice(0, 500)}`);
}

/**
 * @param {string} gatewayUrl
 * @param {{ adminKey: string, clients: Record<string, string>, save(): void }} secrets
 * @returns {Promise<Array<{ clientId: string, action: 'kept' | 'registered' | 'new key' }>>}
 */
export async function syncSampleClients(gatewayUrl, secrets, log) {
  const report = [];
  // sample-admin (hub:admin) manages the sample clients, as a real administrator would after the bootstrap. The
  // bootstrap key (the gateway knows only its hash) is used only while this clone has no working sample-admin key:
  // to register sample-admin, or to give it a new key; sample-admin comes first for that reason.
  const asAdmin = async (method, path, body) => {
    const own = secrets.clients[ADMIN];
    if (own) {
      const res = await call(gatewayUrl, own, method, path, body);
      if (res.status !== 401) return res;
    }
    return call(gatewayUrl, secrets.adminKey, method, path, body);
  };
  const all = sampleClients();
  const clients = [...all.filter((c) => c.clientId === ADMIN), ...all.filter((c) => c.clientId !== ADMIN)];
  for (const client of clients) {
    const { clientId, kind, ...current } = client;
    const updated = await asAdmin('PATCH', `/${clientId}`, current);
    let action = 'kept';
    if (updated.status === 404) {
      const res = await asAdmin('POST', '', client);
      if (res.status !== 201) throw refused(client, 'registration', res);
      secrets.clients[clientId] = res.json().apiKey;
      action = 'registered';
    } else if (updated.status !== 200) {
      throw refused(client, 'updating its name, agencies and roles', updated);
    } else if (prefixOf(secrets.clients[clientId]) !== updated.json().keyPrefix) {
      const res = await asAdmin('POST', `/${clientId}:rotate-key`);
      if (res.status !== 200) throw refused(client, 'key rotation', res);
      secrets.clients[clientId] = res.json().apiKey;
      action = 'new key';
    }
    if (updated.status === 200 && updated.json().kind !== kind) log(`note: ${clientId} exists as a ${updated.json().kind} client, not ${kind}; its kind is left as it is`);
    secrets.save();
    report.push({ clientId, action });
  }
  return report;
}
