import { createHash, createHmac } from 'node:crypto';
import { MessagingLifecycle } from '@hub/messaging';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { LEGACY_ROWS_QUERY, LookupKeyRekeying } from '../src/dossier/lookup-key-rekeying';
import { LOOKUP_KEY_SECRET } from '../src/dossier/lookup-key';
import { record, seedReferenceData, uniqueAgency } from './sync-support';

describe('reading and acting on synced dossiers (real PostgreSQL)', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const agency = uniqueAgency();
  const procedureCode = `1.${100_000 + Math.floor(Math.random() * 900_000)}`;
  const rec = (options: Parameters<typeof record>[2] = {}) => record(agency, procedureCode, options);
  const agencySystem = () => service.identity({ kind: 'agency-system', agencyCodes: [agency], roles: ['dossier:sync', 'dossier:read', 'dossier:notice'] });
  const portal = () => service.identity({ kind: 'portal', roles: ['dossier:read', 'dossier:applicant-action'] });
  const otherAgency = () => service.identity({ kind: 'agency-system', agencyCodes: [uniqueAgency()], roles: ['dossier:read', 'dossier:notice'] });
  let lookupKey = '';

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
    await seedReferenceData(service, agency, procedureCode);
    const res = await service.app.inject({
      method: 'POST',
      url: '/v1/dossiers:sync',
      headers: { 'x-hub-identity': agencySystem() },
      payload: {
        dossiers: [
          rec({ seq: 1, status: 4, statusChangedAt: '2026-01-13T09:00:00+07:00', appointmentAt: '2026-01-20T17:00:00+07:00', steps: [{ at: '2026-01-13T09:00:00+07:00', status: 4, handledBy: 'Lê Văn Cán Bộ', content: 'Chuyển phòng chuyên môn' }] }),
          rec({ seq: 2, status: 5, statusChangedAt: '2026-01-13T09:00:00+07:00' }),
          ...Array.from({ length: 5 }, (_, i) => rec({ seq: 10 + i, status: 4, statusChangedAt: '2026-01-13T09:00:00+07:00' })),
        ],
      },
    });
    lookupKey = res.json().results[0].lookupKey;
  });

  afterAll(async () => {
    await service?.close();
  });

  const code = (seq: number) => `${agency}-260112-${String(seq).padStart(4, '0')}`;
  const get = (url: string, identity = agencySystem(), headers: Record<string, string> = {}) => service.app.inject({ method: 'GET', url, headers: { 'x-hub-identity': identity, ...headers } });
  const post = (url: string, payload: unknown, identity = agencySystem()) => service.app.inject({ method: 'POST', url, headers: { 'x-hub-identity': identity }, payload: payload as object });

  it('shows the full record with status names, the clock and the agency appointment beside the due date', async () => {
    const res = await get(`/v1/dossiers/${code(1)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: code(1),
      version: 1,
      status: 4,
      statusName: { vi: 'Đang xử lý', en: 'Processing' },
      receivedAt: '2026-01-12T09:00:00+07:00',
      appointmentAt: '2026-01-20T17:00:00+07:00',
      dueAt: '2026-01-19T17:00:00+07:00',
      dueDateState: 'SET',
      appointmentDiffers: true,
      pauses: [],
      extension: null,
      feeTotal: 50000,
    });
    expect((await get(`/v1/dossiers/${code(1)}`, otherAgency())).statusCode).toBe(404);
    expect((await get(`/v1/dossiers/${agency}-260112-9999`)).json()).toMatchObject({ status: 404, code: 'DOSSIER_NOT_FOUND' });
    expect((await get(`/v1/dossiers/${code(1)}/history`)).json()).toEqual([expect.objectContaining({ from: null, to: 4, source: 'sync', version: 1, at: '2026-01-13T09:00:00+07:00' })]);
  });

  it('shows personal data by need: the owning agency in full, others masked unless dossier:read-personal; a payment provider not at all', async () => {
    const owner = await get(`/v1/dossiers/${code(2)}`);
    expect(owner.json().applicant).toEqual({ fullName: 'Phạm Thị Dung', idNumber: '001190000123', phone: '0912345678', disclosure: 'full' });
    const masked = await get(`/v1/dossiers/${code(2)}`, portal(), { 'x-access-purpose': encodeURIComponent('Công dân tra cứu hồ sơ của mình') });
    expect(masked.json().applicant).toEqual({ fullName: 'Phạm Thị Dung', idNumber: '********0123', phone: '*******678', disclosure: 'masked' });
    expect(masked.body).not.toContain('001190000123');
    const investigator = service.identity({ clientId: 'vpcp-investigator', kind: 'operator', roles: ['dossier:read', 'dossier:read-personal'] });
    expect((await get(`/v1/dossiers/${code(2)}`, investigator)).json().applicant).toMatchObject({ idNumber: '001190000123', disclosure: 'full' });
    // dossier:read-personal on an agency system grants nothing (its kind may not hold it); another agency's dossier stays hidden.
    expect((await get(`/v1/dossiers/${code(2)}`, service.identity({ kind: 'agency-system', agencyCodes: [uniqueAgency()], roles: ['dossier:read', 'dossier:read-personal'] }))).statusCode).toBe(404);
    // The issue's reproduction: a payment-provider identity with dossier:read read every dossier with its applicant's data.
    const provider = await get(`/v1/dossiers/${code(2)}`, service.identity({ clientId: 'bank', kind: 'payment-provider', roles: ['dossier:read', 'dossier:read-personal'] }));
    expect(provider.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await get(`/v1/dossiers`, service.identity({ kind: 'payment-provider', roles: ['dossier:read'] }))).statusCode).toBe(403);
    expect((await get(`/v1/dossiers/${code(2)}`, portal(), { 'x-access-purpose': 'x'.repeat(201) })).json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'x-access-purpose' })] });
  });

  it('audits every read of personal data outside the owning agency, queryable by operators with audit:read only', async () => {
    await get(`/v1/dossiers/${code(11)}`); // the owner: not audited
    await get(`/v1/dossiers/${code(11)}`, service.identity({ clientId: 'national-portal', kind: 'portal', roles: ['dossier:read'] }), { 'x-access-purpose': 'citizen%20view', 'x-correlation-id': 'corr-audited-read-1' });
    await get(`/v1/dossiers/${code(11)}`, service.identity({ clientId: 'vpcp-investigator', kind: 'operator', roles: ['dossier:read', 'dossier:read-personal'] }));
    const auditor = service.identity({ clientId: 'vpcp-auditor', kind: 'operator', roles: ['audit:read'] });
    const reads = await get(`/v1/personal-data-reads?dossierCode=${code(11)}`, auditor);
    expect(reads.statusCode).toBe(200);
    expect(reads.json()).toEqual([
      expect.objectContaining({ clientId: 'national-portal', clientKind: 'portal', action: 'dossier.read', dossierCode: code(11), receivingAgencyCode: agency, disclosure: 'masked', purpose: 'citizen view', correlationId: 'corr-audited-read-1' }),
      expect.objectContaining({ clientId: 'vpcp-investigator', clientKind: 'operator', disclosure: 'full', purpose: null }),
    ]);
    expect((await get(`/v1/personal-data-reads?clientId=vpcp-investigator&dossierCode=${code(11)}`, auditor)).json()).toHaveLength(1);
    expect((await get('/v1/personal-data-reads', portal())).statusCode).toBe(403);
    expect((await get('/v1/personal-data-reads', service.identity({ kind: 'agency-system', agencyCodes: [agency], roles: ['audit:read'] }))).statusCode).toBe(403);
    await expect(service.app.get(DataSource).query('DELETE FROM personal_data_read')).rejects.toThrow(/append-only/);
  });

  it('records the one extension, refuses a second and a misfit, and prints the notices in Vietnamese', async () => {
    const apology = { form: '04', number: '12/TB-SXD', issuedAt: '2026-01-14T10:00:00+07:00', signedBy: 'Nguyễn Văn Ký', reason: 'Cần xác minh thực địa', newDueAt: '2026-01-23T17:00:00+07:00' };
    const first = await post(`/v1/dossiers/${code(1)}/notices`, apology);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ form: '04', late: false });
    expect((await get(`/v1/dossiers/${code(1)}`)).json()).toMatchObject({ dueAt: '2026-01-23T17:00:00+07:00', extension: { previousDueAt: '2026-01-19T17:00:00+07:00' } });
    const second = await post(`/v1/dossiers/${code(1)}/notices`, { ...apology, number: '13/TB-SXD', newDueAt: '2026-01-30T17:00:00+07:00' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'EXTENSION_ALREADY_USED' });
    const early = await post(`/v1/dossiers/${code(10)}/notices`, { ...apology, newDueAt: '2026-01-16T17:00:00+07:00' });
    expect(early.json()).toMatchObject({ status: 422, code: 'EXTENSION_NOT_LATER', errors: [expect.objectContaining({ field: 'newDueAt' })] });
    const misfit = await post(`/v1/dossiers/${code(1)}/notices`, { ...apology, form: '02', number: '14' });
    expect(misfit.json()).toMatchObject({ status: 409, code: 'NOTICE_STATUS_MISMATCH' });
    expect((await post(`/v1/dossiers/${code(1)}/notices`, apology, otherAgency())).statusCode).toBe(404);
    const html = await get(`/v1/dossiers/${code(1)}/notices`, agencySystem(), { accept: 'text/html' });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(html.body).toContain(code(1));
    expect(html.body).toContain('17 giờ 00, ngày 23 tháng 01 năm 2026');
    expect(html.body).toContain('Cần xác minh thực địa');
  });

  it('lets the applicant supplement in status 5 only, and withdraw through the machine', async () => {
    expect((await post(`/v1/dossiers/${code(2)}/supplements`, { note: 'Bản sao sổ đỏ' }, portal())).json()).toMatchObject({ status: 5 });
    expect((await post(`/v1/dossiers/${code(1)}/supplements`, { note: 'x' }, portal())).json()).toMatchObject({ status: 409, code: 'SUPPLEMENT_NOT_REQUESTED' });
    const withdrawn = await post(`/v1/dossiers/${code(2)}:withdraw`, {}, portal());
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 7, statusName: { vi: 'Công dân yêu cầu rút hồ sơ' } });
    expect((await post(`/v1/dossiers/${code(2)}:withdraw`, {}, portal())).json()).toMatchObject({ status: 409, code: 'INVALID_STATUS_TRANSITION', current: 7, requested: 7 });
    expect((await get(`/v1/dossiers/${code(2)}/history`)).json().at(-1)).toMatchObject({ from: 5, to: 7, source: 'portal' });
  });

  it('public lookup: no personal data, and the same 404 for a wrong key and an unknown code', async () => {
    const res = await service.app.inject({ method: 'GET', url: `/v1/public/dossiers/${code(1)}?lookupKey=${lookupKey}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: code(1), status: 4, receivedAt: '2026-01-12T09:00:00+07:00', steps: [{ status: 4, title: { vi: 'Đang xử lý' } }] });
    for (const secret of ['Phạm Thị Dung', '001190000123', '0912345678', 'Lê Văn Cán Bộ', 'Chuyển phòng', 'Nguyễn Văn Ký']) expect(res.body).not.toContain(secret);
    const wrongKey = await service.app.inject({ method: 'GET', url: `/v1/public/dossiers/${code(1)}?lookupKey=ZZZZ9999` });
    const unknown = await service.app.inject({ method: 'GET', url: `/v1/public/dossiers/${agency}-260112-9999?lookupKey=${lookupKey}` });
    const strip = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined, instance: undefined, detail: undefined, message: undefined });
    expect([wrongKey.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(strip(wrongKey.json())).toEqual(strip(unknown.json()));
    expect(wrongKey.json().detail).toBe(`No dossier ${code(1)} visible to the caller`);
    const badKey = await service.app.inject({ method: 'GET', url: `/v1/public/dossiers/${code(1)}?lookupKey=abc` });
    expect(badKey.json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'lookupKey' })] });
  });

  it('stores the lookup key as an HMAC bound to the code, and converts rows of the bare SHA-256 form at start-up', async () => {
    const ds = service.app.get(DataSource);
    const hashOf = async (seq: number): Promise<string> => (await ds.query('SELECT lookup_key_hash FROM dossier WHERE code = $1', [code(seq)]))[0].lookup_key_hash;
    const bare = createHash('sha256').update(lookupKey).digest('hex');
    const stored = await hashOf(1);
    expect(stored).toMatch(/^hmac2:[0-9a-f]{64}$/);
    expect(stored).not.toContain(bare);
    const lookup = (seq: number) => service.app.inject({ method: 'GET', url: `/v1/public/dossiers/${code(seq)}?lookupKey=${lookupKey}` });

    // The stored value copied onto another dossier opens nothing there.
    await ds.query('UPDATE dossier SET lookup_key_hash = $2 WHERE code = $1', [code(2), stored]);
    expect((await lookup(2)).statusCode).toBe(404);

    // A row written before the HMAC (bare SHA-256) is converted by the start-up pass and its key still works.
    await ds.query('UPDATE dossier SET lookup_key_hash = $2 WHERE code = $1', [code(1), bare]);
    expect((await lookup(1)).statusCode).toBe(404);
    await service.app.get(LookupKeyRekeying).onApplicationBootstrap();
    expect(await hashOf(1)).toBe(stored);
    expect((await lookup(1)).statusCode).toBe(200);

    // A row of the first HMAC form (hmac1, written before December 2026) is left as it is, and its key still works.
    const secret = service.app.get<string>(LOOKUP_KEY_SECRET);
    const v1 = `hmac1:${createHmac('sha256', secret).update(`${code(2)}\n${bare}`).digest('hex')}`;
    await ds.query('UPDATE dossier SET lookup_key_hash = $2 WHERE code = $1', [code(2), v1]);
    await service.app.get(LookupKeyRekeying).onApplicationBootstrap();
    expect(await hashOf(2)).toBe(v1);
    expect((await lookup(2)).statusCode).toBe(200);

    // The start-up check is served by the partial index of unconverted rows, not a scan of the table on every start.
    const plan: string = await ds.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await tx.query(`EXPLAIN ${LEGACY_ROWS_QUERY.replace('$1', '1000')}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('dossier_legacy_lookup_key');
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it('lists by update time with keyset pages, scoped, and by due state', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ code: string }>; nextCursor: string | null } = (await get(`/v1/dossiers?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([1, 2, 10, 11, 12, 13, 14].map(code).sort());
    expect((await get('/v1/dossiers', otherAgency())).json().items).toEqual([]);
    await service.app.get(DataSource).query(`UPDATE dossier SET due_state = 'OVERDUE' WHERE code = $1`, [code(11)]);
    expect((await get('/v1/dossiers?dueState=OVERDUE')).json().items.map((i: { code: string }) => i.code)).toEqual([code(11)]);
    expect((await get('/v1/dossiers?dueState=LATE')).json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'dueState' })] });
    expect((await get('/v1/dossiers?cursor=bm9wZQ')).json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'cursor' })] });
  });

  // Last: it syncs a dossier of its own, which the list above must not see.
  it('judges a posted notice against the status at its issuedAt, as sync does, not the status now', async () => {
    const backFilled = rec({ seq: 3, status: 4, statusChangedAt: '2026-01-14T10:00:00+07:00', steps: [
      { at: '2026-01-13T10:00:00+07:00', status: 5 },
      { at: '2026-01-14T10:00:00+07:00', status: 4 },
    ] });
    const synced = await service.app.inject({ method: 'POST', url: '/v1/dossiers:sync', headers: { 'x-hub-identity': agencySystem() }, payload: { dossiers: [backFilled] } });
    expect(synced.json().results[0]).toMatchObject({ outcome: 'created', status: 4 });
    const request = { form: '02', number: '5/TB-BS', issuedAt: '2026-01-13T11:00:00+07:00', signedBy: 'Nguyễn Văn Ký', reason: 'Thiếu bản sao sổ đỏ' };
    const whilePaused = await post(`/v1/dossiers/${code(3)}/notices`, request);
    expect(whilePaused.statusCode).toBe(201);
    expect(whilePaused.json()).toMatchObject({ form: '02', number: '5/TB-BS' });
    const afterResuming = await post(`/v1/dossiers/${code(3)}/notices`, { ...request, number: '6/TB-BS', issuedAt: '2026-01-14T11:00:00+07:00' });
    expect(afterResuming.json()).toMatchObject({ status: 409, code: 'NOTICE_STATUS_MISMATCH' });
    expect((await get(`/v1/dossiers/${code(3)}/notices`)).json().map((n: { number: string }) => n.number)).toEqual(['5/TB-BS']);
  });
});
