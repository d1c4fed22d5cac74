// The durable writes the hub's design requires of an intake and of a sync batch, as plain SQL with nothing else: the
// floor of the design (design-floor-proc.mjs) runs them behind two bare HTTP hops, and dossier-sync runs the sync's
// straight from `pg`. A lower bound, not a copy of the hub's schema: each table has only its key, the columns a read
// needs to find the row, and the document; no history, no agency feed, no triggers, no NOTIFY, one event per record.
// `hubIntakeWriter` runs the hub's own intake statement instead, on the hub's schema, to tell the database's share of
// the gap from the apps'.
import { randomUUID } from 'node:crypto';

/** The service's tables: dossiers, daily per-agency numbering and the outbox. */
export const DESIGN_FLOOR_TABLES = `
  CREATE TABLE floor_dossier (code text PRIMARY KEY, agency text NOT NULL, version int NOT NULL DEFAULT 1, doc jsonb NOT NULL,
                              updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE floor_sequence (agency text NOT NULL, day date NOT NULL, last int NOT NULL, PRIMARY KEY (agency, day));
  CREATE TABLE floor_outbox (id bigserial PRIMARY KEY, topic text NOT NULL, key text NOT NULL, payload jsonb NOT NULL,
                             created_at timestamptz NOT NULL DEFAULT now())`;

/** The proxy's table: the hash-chained exchange log. */
export const EXCHANGE_LOG_TABLE = 'CREATE TABLE floor_exchange (seq bigint PRIMARY KEY, entry jsonb NOT NULL, hash text NOT NULL)';

export const FLOOR_TOPIC_EVENT = 'dossier.submitted.v1';

/**
 * A group of intakes in one statement and one commit: the next number of each agency's day, the dossier rows and one
 * event each. `intakes`: `{ agency, doc }[]`; resolves to the codes, in the order given.
 */
export async function intakeWrite(client, intakes) {
  const { rows } = await client.query({
    name: 'floor_intake',
    text: `WITH input AS (SELECT t.agency, t.doc, t.ord FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS t(agency, doc, ord)),
                counts AS (SELECT agency, count(*)::int AS k FROM input GROUP BY agency ORDER BY agency),
                seq AS (INSERT INTO floor_sequence AS s (agency, day, last) SELECT agency, current_date, k FROM counts
                        ON CONFLICT (agency, day) DO UPDATE SET last = s.last + EXCLUDED.last RETURNING agency, last),
                seqs AS (SELECT i.ord, i.agency, i.doc, (seq.last - counts.k + row_number() OVER (PARTITION BY i.agency ORDER BY i.ord))::text AS n
                           FROM input i JOIN seq USING (agency) JOIN counts USING (agency)),
                numbered AS (SELECT ord, agency, doc, agency || '-' || to_char(current_date, 'YYMMDD') || '-' || lpad(n, greatest(4, length(n)), '0') AS code FROM seqs),
                dossiers AS (INSERT INTO floor_dossier (code, agency, doc) SELECT code, agency, doc FROM numbered),
                events AS (INSERT INTO floor_outbox (topic, key, payload) SELECT '${FLOOR_TOPIC_EVENT}', code, doc || jsonb_build_object('code', code) FROM numbered)
           SELECT ord, code FROM numbered ORDER BY ord`,
    values: [intakes.map((i) => i.agency), intakes.map((i) => JSON.stringify(i.doc))],
  });
  return rows.map((r) => r.code);
}

/**
 * A sync batch in one statement: the multi-row upsert of the dossiers and one event per record, the event a small one
 * (code, agency, version, status and when it changed: less than the hub's events carry).
 */
export async function syncWrite(client, records) {
  const { rowCount } = await client.query({
    name: 'floor_sync',
    text: `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[]) AS t(code, agency, version, doc)),
                dossiers AS (INSERT INTO floor_dossier AS d (code, agency, version, doc) SELECT code, agency, version, doc FROM input
                             ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, doc = EXCLUDED.doc, updated_at = now()
                             RETURNING d.code)
           INSERT INTO floor_outbox (topic, key, payload)
           SELECT 'dossier.synced.v1', i.code, jsonb_build_object('code', i.code, 'agency', i.agency, 'version', i.version, 'status', i.doc->'status',
                                                                   'statusChangedAt', i.doc->'statusChangedAt')
             FROM input i JOIN dossiers USING (code)`,
    values: [records.map((r) => r.code), records.map((r) => r.receivingAgencyCode), records.map((r) => r.version), records.map((r) => JSON.stringify(r))],
  });
  return rowCount;
}

/** The floor's claim: its own outbox, every event of it. */
export const FLOOR_CLAIM = {
  name: 'floor_relay_claim',
  text: `DELETE FROM floor_outbox WHERE id IN (SELECT id FROM floor_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, topic, key, payload::text AS value, created_at`,
};

/** The same claim on the hub's outbox table (the floor with the hub's intake statement): its rows carry their headers. */
export const HUB_OUTBOX_CLAIM = {
  name: 'floor_relay_claim_hub_outbox',
  text: `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, topic, key, payload::text AS value, headers, created_at`,
};

/**
 * The relay's cycle without Kafka: take up to `limit` committed events and remove them, in a transaction that does not
 * wait for the WAL flush (a lost removal only re-sends); `send(rows)` runs inside it, before the commit. `claim`: the
 * statement that takes them (FLOOR_CLAIM, HUB_OUTBOX_CLAIM). Resolves to the number of events taken.
 */
export async function relayCycle(client, limit, send = async () => undefined, claim = FLOOR_CLAIM) {
  await client.query("BEGIN; SET LOCAL synchronous_commit = off");
  try {
    const { rows } = await client.query({ ...claim, values: [limit] });
    if (rows.length > 0) await send(rows);
    await client.query('COMMIT');
    return rows.length;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * The hub's own intake statement (`INSERT_NUMBERED_GROUP` of the dossier's numbered-intake.writer), as the running hub
 * sent it for one intake (`captured`: `{ text, values }`, capture-statement-preload.cjs), run for a group of `intakes`
 * (`{ agency }[]`) on a database with the hub's dossier schema. Each intake is the captured one with the agency's code
 * in place of the captured agency's (everywhere: row, history, event, feed item, code prefix and placeholder) and event
 * ids of its own; the statement numbers it. Resolves to the codes, in the order given.
 */
export function hubIntakeWriter(captured) {
  const [template] = JSON.parse(captured.values[0]);
  const text = JSON.stringify(template);
  const forAgency = new Map();
  const rowFor = (agency) => {
    let row = forAgency.get(agency);
    if (!row) forAgency.set(agency, (row = JSON.parse(text.replaceAll(template.agency_code, agency))));
    return { ...row, events: row.events.map((e) => ({ ...e, eventId: randomUUID() })) };
  };
  return async (client, intakes) => {
    const rows = intakes.map(({ agency }) => rowFor(agency));
    const { rows: stored } = await client.query({ name: 'floor_hub_intake', text: captured.text, values: [JSON.stringify(rows)] });
    const codes = [];
    for (const row of stored) {
      if (!row.stored) throw new Error(`the hub's statement did not store intake ${row.i} (code ${row.code})`);
      codes[Number(row.i) - 1] = row.code;
    }
    return codes;
  };
}

/** Appends exchange-log entries (already chained: `{ seq, entry, hash }[]`) in one statement and one durable commit. */
export function exchangeAppend(client, entries) {
  return client.query({
    name: 'floor_exchange_append',
    text: 'INSERT INTO floor_exchange (seq, entry, hash) SELECT * FROM unnest($1::bigint[], $2::jsonb[], $3::text[])',
    values: [entries.map((e) => e.seq), entries.map((e) => JSON.stringify(e.entry)), entries.map((e) => e.hash)],
  });
}
