import { randomUUID } from 'node:crypto';
import {
  AgencyUpserted,
  DossierReceived,
  DossierStatusChanged,
  EventHeaders,
  PaymentSucceeded,
  RatingGiven,
  type EventDefinition,
} from '@hub/contracts';
import type { KafkaProbe } from '@hub/testing';

/**
 * A new consumer group reads every topic from the beginning, and the shared broker's catalogue topic holds tens of
 * thousands of versions from other runs, which the index consumes too: the first wait of a file may take minutes.
 */
export const REPLAY_WAIT = { timeoutMs: 240_000, intervalMs: 1_000 };
export const REPLAY_TEST_TIMEOUT_MS = 2 * REPLAY_WAIT.timeoutMs;

export interface Sent {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** One wire message as a hub producer writes it; `occurredAt` is when the hub recorded it. */
export function message<P extends object>(def: EventDefinition<P>, payload: P, occurredAt: string, eventId = randomUUID()): Sent {
  return {
    topic: def.topic,
    key: def.keyOf(payload),
    value: JSON.stringify(payload),
    headers: {
      [EventHeaders.EventId]: eventId,
      [EventHeaders.EventType]: def.type,
      [EventHeaders.EventVersion]: String(def.version),
      [EventHeaders.Producer]: def.owner,
      [EventHeaders.OccurredAt]: new Date(occurredAt).toISOString(),
      [EventHeaders.CorrelationId]: randomUUID(),
    },
  };
}

export async function sendAll(probe: KafkaProbe, messages: readonly Sent[]): Promise<void> {
  for (const m of messages) await probe.send(m.topic, [{ key: m.key, value: m.value, headers: m.headers }]);
}

/** Agency codes unique to one run (short form `H61.1234`), so earlier runs on the shared topics do not interfere. */
export function indexScenario(run: string) {
  const k = (parseInt(run, 16) % 9000) + 1000;
  const P1 = `H61.${k}`;
  const U1 = `H62.${k}`;
  const C1 = `H63.${k}`;
  const P2 = `H64.${k}`;
  const d1 = `${U1}-260115-0001`;
  const d2 = `${C1}-260115-0002`;
  const d3 = `${P2}-260115-0003`;
  const d4 = `${P1}-260115-0004`;
  const procedureCode = `2.000815.${P1}`;
  const facts = (dossierCode: string, agency: string, o: Partial<typeof DossierReceived.example>) => ({
    ...DossierReceived.example,
    dossierCode,
    procedureCode,
    receivingAgencyCode: agency,
    receivedAt: '2026-01-15T09:00:00+07:00',
    statusChangedAt: '2026-01-15T09:00:00+07:00',
    ...o,
  });
  const finished = (f: ReturnType<typeof facts>, revision: number, to: 9 | 10, timeliness: 'EARLY' | 'ON_TIME' | 'LATE', at: string) => ({
    ...f,
    revision,
    from: to === 9 ? 4 : 9,
    to,
    at,
    source: 'sync' as const,
    timeliness,
    finishedAt: '2026-01-20T10:00:00+07:00',
  });
  const f1 = facts(d1, U1, { channel: 'ONLINE', documentsDigitised: true, resultElectronic: true, feeTotal: 50_000 });
  const f2 = facts(d2, C1, { channel: 'COUNTER', documentsDigitised: false, resultElectronic: false, feeTotal: 0 });
  const f3 = facts(d3, P2, { channel: 'ONLINE', documentsDigitised: true, resultElectronic: true, feeTotal: 20_000, statusChangedAt: '2026-01-12T09:00:00+07:00' });
  const f4 = facts(d4, P1, { channel: 'ONLINE', documentsDigitised: false, resultElectronic: false, feeTotal: 0 });
  const d1Finished = message(DossierStatusChanged, finished(f1, 2, 9, 'ON_TIME', '2026-01-20T10:00:00+07:00'), '2026-01-20T10:05:00+07:00');
  const rating = (ratingId: string, dossierCode: string, agency: string, level: 'SATISFIED' | 'NOT_SATISFIED', ratedAt: string) =>
    message(RatingGiven, { ...RatingGiven.example, ratingId, dossierCode, procedureCode, receivingAgencyCode: agency, level, ratedAt }, ratedAt);
  const agency = (code: string, level: 'PROVINCE' | 'UNIT' | 'COMMUNE', parentCode?: string) =>
    message(AgencyUpserted, { code, name: `Sample ${code}`, level, parentCode, active: true, revision: 1 }, '2026-01-01T00:00:00Z');

  const messages: Sent[] = [
    agency(P1, 'PROVINCE'),
    agency(U1, 'UNIT', P1),
    agency(C1, 'COMMUNE', U1),
    agency(P2, 'PROVINCE'),
    message(DossierReceived, { ...f1, status: 2, source: 'portal' }, '2026-01-15T09:01:00+07:00'),
    d1Finished,
    d1Finished, // redelivered: same event id
    { ...d1Finished, headers: { ...d1Finished.headers, [EventHeaders.EventId]: randomUUID() } }, // re-sent: same revision
    message(PaymentSucceeded, { ...PaymentSucceeded.example, paymentId: randomUUID(), dossierCode: d1 }, '2026-01-18T10:00:00+07:00'),
    message(DossierReceived, { ...f2, status: 2, source: 'sync' }, '2026-01-15T10:00:00+07:00'),
    message(DossierStatusChanged, finished(f2, 2, 9, 'ON_TIME', '2026-01-21T10:00:00+07:00'), '2026-01-21T11:00:00+07:00'),
    message(DossierStatusChanged, finished(f2, 3, 10, 'LATE', '2026-01-22T10:00:00+07:00'), '2026-01-22T11:00:00+07:00'),
    rating(randomUUID(), d1, U1, 'SATISFIED', '2026-01-22T12:00:00+07:00'),
    rating(randomUUID(), d2, C1, 'SATISFIED', '2026-01-22T12:00:00+07:00'),
    rating(randomUUID(), d2, C1, 'NOT_SATISFIED', '2026-01-23T12:00:00+07:00'), // replaces the earlier rating of d2
    message(DossierReceived, { ...f4, status: 2, source: 'portal' }, '2026-01-15T09:30:00+07:00'),
    message(DossierReceived, { ...f3, status: 2, source: 'sync' }, '2026-01-15T09:00:00+07:00'), // reached the hub 3 days late
    message(DossierStatusChanged, finished(f3, 2, 9, 'EARLY', '2026-01-20T10:00:00+07:00'), '2026-01-20T10:30:00+07:00'),
  ];
  return { P1, U1, C1, P2, d1, d2, d3, d4, procedureCode, messages };
}
