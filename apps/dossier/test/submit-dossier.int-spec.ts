import { DossierReceived, formatDossierCode, ProcedurePublished } from '@hub/contracts';
import { MessagingLifecycle, OutboxRelay } from '@hub/messaging';
import { expectEventually, KafkaProbe, startServiceUnderTest, testInfrastructure, uniqueSuffix, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { ProcedureVersionRepository } from '../src/procedure-read-model/procedure-version.repository';

describe('dossier intake against real PostgreSQL and Kafka', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const infra = testInfrastructure();
  const probe = new KafkaProbe(infra.kafkaBrokers);
  // A receiving agency unique to this run keeps its daily sequence starting at 0001.
  const agency = `H${String(Math.floor(Math.random() * 90) + 10)}.${(parseInt(uniqueSuffix(), 16) % 9000) + 1000}`;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot,
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    const { app } = service;
    await app.get(DataSource).transaction((tx) =>
      app.get(ProcedureVersionRepository).insertVersion(tx, { ...ProcedurePublished.example, implementingAgencyCodes: [agency], effectiveFrom: '2026-01-01T00:00:00+07:00' }),
    );
    await probe.watch(DossierReceived.topic, { fromBeginning: false });
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  const submit = (procedureCode = ProcedurePublished.example.code) =>
    service.app.inject({
      method: 'POST',
      url: '/v1/dossiers',
      headers: { 'x-hub-identity': service.identity({ roles: ['dossier:submit'] }) },
      payload: { procedureCode, receivingAgencyCode: agency, applicant: { fullName: 'Trần Thị Bình', idNumber: '079190000123' } },
    });

  it('numbers concurrent submissions without gaps or duplicates, and publishes each exactly once through the outbox', async () => {
    const responses = await Promise.all(Array.from({ length: 25 }, submit));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(25).fill(201));
    const codes = responses.map((r) => r.json().code as string).sort();
    const sequences = codes.map((c) => Number(c.split('-')[2]));
    expect(sequences).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(codes.map((c) => c.split('-')[1])).size).toBe(1);

    await expectEventually(() => expect(probe.messages.filter((m) => codes.includes(m.key!)).map((m) => m.key).sort()).toEqual(codes));
    // dossier.received.v1 announces the online intake (dossier.submitted.v1 is retired): from the hub, at status 1.
    for (const m of probe.messages.filter((e) => codes.includes(e.key!))) expect(JSON.parse(m.value!)).toMatchObject({ dossierCode: m.key, status: 1, source: 'hub', channel: 'ONLINE' });
    // The relay marks a batch published after the broker took it, so the probe may see a message a moment before its
    // row is marked: every row of these intakes ends up published, and a further drain sends none of them again.
    await expectEventually(async () => {
      const [{ n }] = await service.app.get(DataSource).query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL AND key = ANY($1)', [codes]);
      expect(Number(n)).toBe(0);
    });
    await service.app.get(OutboxRelay).drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(probe.messages.filter((m) => codes.includes(m.key!)).map((m) => m.key).sort()).toEqual(codes);
  });

  it('ties a dossier to the version in force at receipt, not one announced for later, and refuses withdrawn procedures', async () => {
    const repo = service.app.get(ProcedureVersionRepository);
    const ds = service.app.get(DataSource);
    const code = '2.000815';
    const base = { ...ProcedurePublished.example, code, implementingAgencyCodes: [agency] };
    await ds.transaction(async (tx) => {
      await repo.insertVersion(tx, { ...base, version: 1, effectiveFrom: '2025-01-01T00:00:00+07:00' });
      await repo.insertVersion(tx, { ...base, version: 2, effectiveFrom: '2099-01-01T00:00:00+07:00' });
    });
    const res = await submit(code);
    expect(res.statusCode).toBe(201);
    expect(res.json().procedureVersion).toBe(1);

    await ds.transaction((tx) => repo.recordWithdrawal(tx, { code, lastVersion: 2, withdrawnAt: new Date(Date.now() - 1000).toISOString(), reason: 'abolished' }));
    const refused = await submit(code);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
  });

  it('refuses a procedure withdrawn behind its back: the version it kept in memory is checked by the statement that stores the dossier', async () => {
    const code = '2.000816';
    const repo = service.app.get(ProcedureVersionRepository);
    const ds = service.app.get(DataSource);
    await ds.transaction((tx) => repo.insertVersion(tx, { ...ProcedurePublished.example, code, version: 1, implementingAgencyCodes: [agency], effectiveFrom: '2025-01-01T00:00:00+07:00' }));
    expect((await submit(code)).statusCode).toBe(201);
    // Written straight to the table, as another replica's consumer would: nothing in this process hears of it.
    await ds.query('INSERT INTO procedure_withdrawal (code, last_version, withdrawn_at) VALUES ($1, 1, now())', [code]);
    const before = await ds.query('SELECT count(*)::int AS n FROM dossier WHERE procedure_code = $1', [code]);
    const refused = await submit(code);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'PROCEDURE_NOT_AVAILABLE']);
    expect(await ds.query('SELECT count(*)::int AS n FROM dossier WHERE procedure_code = $1', [code])).toEqual(before);
  });

  it('stamps the request correlation id on the event it writes', async () => {
    const res = await service.app.inject({
      method: 'POST',
      url: '/v1/dossiers',
      headers: { 'x-hub-identity': service.identity({ roles: ['dossier:submit'] }), 'x-correlation-id': 'corr-dossier-it-1' },
      payload: { procedureCode: ProcedurePublished.example.code, receivingAgencyCode: agency, applicant: { fullName: 'Trần Thị Bình', idNumber: '079190000123' } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('corr-dossier-it-1');
    const [row] = await service.app.get(DataSource).query('SELECT headers FROM outbox WHERE key = $1', [res.json().code]);
    expect(row.headers['correlation-id']).toBe('corr-dossier-it-1');
  });

  it('keeps numbering past 9999 exactly as formatDossierCode does, and publishes the payload under the real code', async () => {
    const other = `H${String(Math.floor(Math.random() * 90) + 10)}.${(parseInt(uniqueSuffix(), 16) % 9000) + 1000}`;
    const ds = service.app.get(DataSource);
    await ds.transaction((tx) =>
      service.app.get(ProcedureVersionRepository).insertVersion(tx, { ...ProcedurePublished.example, code: '1.009999', implementingAgencyCodes: [other], effectiveFrom: '2026-01-01T00:00:00+07:00' }),
    );
    const body = { procedureCode: '1.009999', receivingAgencyCode: other, applicant: { fullName: 'Trần Thị Bình', idNumber: '079190000123' } };
    const headers = { 'x-hub-identity': service.identity({ roles: ['dossier:submit'] }) };
    const first = await service.app.inject({ method: 'POST', url: '/v1/dossiers', headers, payload: body });
    const [prefix, date] = [first.json().code.slice(0, -4), first.json().code.split('-')[1]];
    expect(first.json().code).toBe(`${prefix}0001`);
    await ds.query(`UPDATE dossier_code_sequence SET last_value = 9998 WHERE agency_code = $1`, [other]);
    const codes = [];
    for (let i = 0; i < 2; i++) codes.push((await service.app.inject({ method: 'POST', url: '/v1/dossiers', headers, payload: body })).json().code);
    const [y, m, d] = [2000 + Number(date.slice(0, 2)), Number(date.slice(2, 4)), Number(date.slice(4, 6))];
    expect(codes).toEqual([formatDossierCode(other, { year: y, month: m, day: d }, 9999), formatDossierCode(other, { year: y, month: m, day: d }, 10000)]);
    // dossier.received.v1 of each (and nothing on the retired dossier.submitted.v1), keyed and filled in with the real code.
    const rows: { key: string; code: string; topic: string }[] = await ds.query(`SELECT key, payload->>'dossierCode' AS code, topic FROM outbox WHERE key = ANY($1) ORDER BY id`, [codes]);
    expect(rows).toEqual(codes.map((c) => ({ key: c, code: c, topic: DossierReceived.topic })));
    expect(await ds.query('SELECT code FROM dossier WHERE code = ANY($1) ORDER BY length(code), code', [codes])).toEqual(codes.map((code) => ({ code })));
  });

  it('skips a code an agency system already synced under the hub numbering, and leaves that dossier untouched', async () => {
    const ds = service.app.get(DataSource);
    const headers = { 'x-hub-identity': service.identity({ roles: ['dossier:submit'] }) };
    const body = { procedureCode: ProcedurePublished.example.code, receivingAgencyCode: agency, applicant: { fullName: 'Trần Thị Bình', idNumber: '079190000123' } };
    const before = (await service.app.inject({ method: 'POST', url: '/v1/dossiers', headers, payload: body })).json().code as string;
    const next = `${before.slice(0, -4)}${String(Number(before.slice(-4)) + 1).padStart(4, '0')}`;
    // A counter dossier the agency system synced under the code the hub would issue next.
    await ds.query(
      `INSERT INTO dossier SELECT r.* FROM dossier d, jsonb_populate_record(NULL::dossier, to_jsonb(d) || jsonb_build_object('code', $2::text, 'channel', 'COUNTER', 'source', 'sync')) r WHERE d.code = $1`,
      [before, next],
    );
    const after = (await service.app.inject({ method: 'POST', url: '/v1/dossiers', headers, payload: body })).json().code as string;
    expect(after).toBe(`${before.slice(0, -4)}${String(Number(before.slice(-4)) + 2).padStart(4, '0')}`);
    expect(await ds.query('SELECT channel, source FROM dossier WHERE code = $1', [next])).toEqual([{ channel: 'COUNTER', source: 'sync' }]);
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox WHERE key = $1', [next])).toEqual([{ n: 0 }]);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM dossier_status_history WHERE dossier_code = $1', [after]);
    expect(n).toBe(1);
  });
});
