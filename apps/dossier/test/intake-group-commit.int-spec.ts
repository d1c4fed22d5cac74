import { randomInt } from 'node:crypto';
import { DossierReceived, DossierStatus, ProcedurePublished, dossierCodePrefix } from '@hub/contracts';
import { MessagingLifecycle } from '@hub/messaging';
import { newTrace } from '@hub/platform';
import { startServiceUnderTest, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { submissionFeedRow } from '../src/agency-feed/agency-feed.writer';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { decide } from '../src/dossier/domain/decide';
import { DossierEventsWriter } from '../src/dossier/dossier-events.writer';
import { LookupKeys } from '../src/dossier/lookup-key';
import { NumberedIntakeWriter, type IntakeOutcome, type NumberedIntake } from '../src/dossier/numbered-intake.writer';
import { ProcedureVersionRepository } from '../src/procedure-read-model/procedure-version.repository';

/**
 * The intake's group commit against real PostgreSQL: the intakes that arrive while a group is in flight are numbered
 * and stored by one statement. A first intake always goes alone (nothing is in flight), so the ones submitted in the
 * same tick after it form the next group: the tests below know which intakes share a transaction.
 */
describe('intake group commit against real PostgreSQL', () => {
  let service: ServiceUnderTest<DossierConfig>;
  let ds: DataSource;
  let writer: NumberedIntakeWriter;
  const run = (parseInt(uniqueSuffix(), 16) % 9000) + 1000;
  // Agencies unique to this run keep their daily sequences starting at 0001.
  const agencies = ['G11', 'G12', 'G13'].map((p) => `${p}.${run}`);
  const receiptDate = '2026-03-02';
  const procedureCode = `2.${String(run).padStart(6, '0')}`;
  const now = new Date('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot,
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    ds = service.app.get(DataSource);
    writer = service.app.get(NumberedIntakeWriter);
    // Version 1 of a procedure of this run's own, in force since 2026-01-01 (the statement checks it for each intake).
    await ds.transaction((tx) => service.app.get(ProcedureVersionRepository).insertVersion(tx, { ...ProcedurePublished.example, code: procedureCode, version: 1, effectiveFrom: '2026-01-01T00:00:00+07:00' }));
  });

  afterAll(() => service?.close());

  /** An online intake for `agency`, built as the use case builds it, with `change` applied to its dossier row. */
  function intakeFor(agency: string, fullName: string, change: (row: NumberedIntake['dossier']) => void = () => undefined, version = 1): NumberedIntake {
    const prefix = dossierCodePrefix(agency, { year: 2026, month: 3, day: 2 });
    const placeholder = `${prefix}${randomInt(100_000_000_000, 1_000_000_000_000)}`;
    const procedure = { code: procedureCode, version, timeLimit: ProcedurePublished.example.channels[0].timeLimit };
    const content = {
      procedureCode: procedure.code, receivingAgencyCode: agency, channel: 'ONLINE' as const, status: DossierStatus.Submitted,
      receivedAt: now, statusChangedAt: now, applicant: { fullName, idNumber: '079190000123' }, summary: null, appointmentAt: null,
      steps: [], documents: [], fees: [], results: [],
    };
    const decision = decide(null, { kind: 'intake', code: placeholder, content, procedure }, { calendar: null, now });
    if (decision.outcome !== 'created') throw new Error(decision.outcome);
    const dossier = { state: decision.state, identity: { submittedBy: 'portal', lookupKeyHash: 'pending', submittedAt: now, updatedAt: now } };
    change(dossier);
    return {
      procedure: { code: procedureCode, version }, receivedAt: now, codePrefix: prefix, receiptDate, placeholder, dossier,
      events: service.app.get(DossierEventsWriter).prepare(decision.events, newTrace()),
      lookupKeyTag: service.app.get(LookupKeys).tag(`K${fullName}`),
      feedItem: submissionFeedRow(decision.state, now),
    };
  }

  const codeOf = (agency: string, n: number) => `${agency}-260302-${String(n).padStart(4, '0')}`;
  const stored = (code: string): IntakeOutcome => ({ stored: true, code });
  const codesOf = (outcomes: IntakeOutcome[]) => outcomes.map((o) => (o.stored ? o.code : o.reason));

  it('numbers a group spread over agencies in the order it came, each agency from its own sequence, and stores everything of each', async () => {
    const [a, b, c] = agencies;
    const order = [a, b, a, c, b, a];
    const codes = codesOf(await Promise.all([writer.insert(intakeFor(c, 'first, alone')), ...order.map((agency, i) => writer.insert(intakeFor(agency, `applicant ${i}`)))]));
    expect(codes).toEqual([codeOf(c, 1), codeOf(a, 1), codeOf(b, 1), codeOf(a, 2), codeOf(c, 2), codeOf(b, 2), codeOf(a, 3)]);
    // Two transactions: the first intake alone, the six that came meanwhile together.
    const xids = await ds.query('SELECT code, xmin::text AS xid FROM dossier WHERE code = ANY($1)', [codes]);
    const groupOf = new Map(xids.map((r: { code: string; xid: string }) => [r.code, r.xid]));
    expect(new Set(codes.slice(1).map((code) => groupOf.get(code))).size).toBe(1);
    expect(groupOf.get(codes[0])).not.toBe(groupOf.get(codes[1]));

    const rows: { code: string; key: string; name: string }[] = await ds.query(`SELECT code, lookup_key_hash AS key, applicant->>'fullName' AS name FROM dossier WHERE code = ANY($1) ORDER BY code`, [codes]);
    expect(rows.map((r) => r.code)).toEqual([...codes].sort());
    expect(rows.find((r) => r.code === codeOf(a, 2))?.name).toBe('applicant 2');
    // The statement bound each key's tag to the code exactly as LookupKeys does: each key opens its own dossier only.
    const keys = service.app.get(LookupKeys);
    for (const r of rows) expect([keys.matches(r.code, `K${r.name}`, r.key), keys.hash(r.code, `K${r.name}`)]).toEqual([true, r.key]);
    expect(keys.matches(rows[0].code, `K${rows[1].name}`, rows[0].key)).toBe(false);
    const history = await ds.query('SELECT dossier_code, to_status FROM dossier_status_history WHERE dossier_code = ANY($1)', [codes]);
    expect(history.map((h: { dossier_code: string }) => h.dossier_code).sort()).toEqual([...codes].sort());
    // One dossier.received.v1 each, under its real code, in the order the intakes came.
    const events = await ds.query(`SELECT key, topic, payload->>'dossierCode' AS code FROM outbox WHERE key = ANY($1) ORDER BY id`, [codes]);
    expect(events).toEqual(codes.map((code) => ({ key: code, topic: DossierReceived.topic, code })));
    const feed = await ds.query(`SELECT agency_code, dossier_code FROM agency_feed WHERE dossier_code = ANY($1) ORDER BY id`, [codes]);
    expect(feed).toEqual(codes.map((code) => ({ agency_code: code.split('-')[0], dossier_code: code })));
    const sequences = await ds.query('SELECT agency_code, last_value FROM dossier_code_sequence WHERE agency_code = ANY($1) ORDER BY agency_code', [agencies]);
    expect(sequences).toEqual([{ agency_code: a, last_value: 3 }, { agency_code: b, last_value: 2 }, { agency_code: c, last_value: 2 }]);
  });

  it('answers code-taken for an intake whose code was already taken, and stores the rest of its group', async () => {
    const agency = `G21.${run}`;
    const first = codeOf(agency, 1);
    expect(await writer.insert(intakeFor(agency, 'first'))).toEqual(stored(first));
    // A counter dossier an agency system synced under the code the hub would issue next.
    await ds.query(
      `INSERT INTO dossier SELECT r.* FROM dossier d, jsonb_populate_record(NULL::dossier, to_jsonb(d) || jsonb_build_object('code', $2::text, 'channel', 'COUNTER', 'source', 'sync')) r WHERE d.code = $1`,
      [first, codeOf(agency, 2)],
    );
    const codes = codesOf(await Promise.all([writer.insert(intakeFor(`G22.${run}`, 'blocker')), ...[1, 2, 3].map((i) => writer.insert(intakeFor(agency, `applicant ${i}`)))]));
    expect(codes).toEqual([codeOf(`G22.${run}`, 1), 'code-taken', codeOf(agency, 3), codeOf(agency, 4)]);
    const [synced] = await ds.query('SELECT channel, source, lookup_key_hash AS key FROM dossier WHERE code = $1', [codeOf(agency, 2)]);
    expect(synced).toMatchObject({ channel: 'COUNTER', source: 'sync' });
    // Still the hash it was synced with (copied from the first dossier), not one of the intake that took no code.
    expect(synced.key).toBe((await ds.query('SELECT lookup_key_hash AS key FROM dossier WHERE code = $1', [first]))[0].key);
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox WHERE key = $1', [codeOf(agency, 2)])).toEqual([{ n: 0 }]);
  });

  it('stores every character of a group as given: quotes, backslashes, line breaks, Vietnamese and astral characters', async () => {
    const agency = `G51.${run}`;
    const names = ['Nguyễn Thị "Bé" Hai', 'back\\slash \\" and \\\\u00e9', 'line\nbreak\ttab', '{"fullName":"not a field"}', 'Trần 𝔘 Ω'];
    const codes = codesOf(await Promise.all([writer.insert(intakeFor(`G52.${run}`, 'blocker')), ...names.map((name) => writer.insert(intakeFor(agency, name)))]));
    expect(codes).toEqual([codeOf(`G52.${run}`, 1), ...names.map((_, i) => codeOf(agency, i + 1))]);
    const rows = await ds.query(`SELECT applicant->>'fullName' AS name, received_at FROM dossier WHERE receiving_agency_code = $1 ORDER BY code`, [agency]);
    expect(rows).toEqual(names.map((name) => ({ name, received_at: now })));
  });

  it('stores a group with a bad intake one by one: only the bad intake fails, and its number is not used', async () => {
    const agency = `G31.${run}`;
    const good = (i: number) => intakeFor(agency, `applicant ${i}`);
    // A status the table's CHECK refuses: the group's statement fails as a whole.
    const bad = intakeFor(agency, 'bad', (d) => Object.assign(d.state, { status: 42 }));
    const outcomes = await Promise.allSettled([writer.insert(intakeFor(`G32.${run}`, 'blocker')), writer.insert(good(1)), writer.insert(bad), writer.insert(good(2))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : null))).toEqual([stored(codeOf(`G32.${run}`, 1)), stored(codeOf(agency, 1)), null, stored(codeOf(agency, 2))]);
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toMatch(/check constraint/);
    // The rolled-back group took nothing from the sequence: no gap.
    expect(await ds.query('SELECT last_value FROM dossier_code_sequence WHERE agency_code = $1', [agency])).toEqual([{ last_value: 2 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM dossier WHERE receiving_agency_code = $1`, [agency])).toEqual([{ n: 2 }]);
  });

  it('stores nothing, and takes no number, for an intake decided under a version no longer in force at its receipt', async () => {
    const agency = `G41.${run}`;
    const repo = service.app.get(ProcedureVersionRepository);
    const blocker = writer.insert(intakeFor(`G42.${run}`, 'blocker'));
    // Version 2 took effect on 1 March: an intake of 2 March decided under version 1 is out of date, one under 2 is not.
    await ds.transaction((tx) => repo.insertVersion(tx, { ...ProcedurePublished.example, code: procedureCode, version: 2, effectiveFrom: '2026-03-01T00:00:00+07:00' }));
    const group = await Promise.all([writer.insert(intakeFor(agency, 'under v1')), writer.insert(intakeFor(agency, 'under v2', undefined, 2)), writer.insert(intakeFor(agency, 'under v3', undefined, 3))]);
    await blocker;
    expect(codesOf(group)).toEqual(['procedure-changed', codeOf(agency, 1), 'procedure-changed']);
    expect(await ds.query('SELECT last_value FROM dossier_code_sequence WHERE agency_code = $1', [agency])).toEqual([{ last_value: 1 }]);

    await ds.query('INSERT INTO procedure_withdrawal (code, last_version, withdrawn_at) VALUES ($1, 2, $2)', [procedureCode, '2026-03-02T00:00:00Z']);
    expect(await writer.insert(intakeFor(agency, 'after withdrawal', undefined, 2))).toEqual({ stored: false, reason: 'procedure-changed' });
    expect(await ds.query(`SELECT count(*)::int AS n FROM dossier WHERE receiving_agency_code = $1`, [agency])).toEqual([{ n: 1 }]);
  });
});
