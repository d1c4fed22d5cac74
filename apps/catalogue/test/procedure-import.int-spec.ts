import { randomInt } from 'node:crypto';
import { ProcedurePublished } from '@hub/contracts';
import { KafkaProbe, expectEventually, testInfrastructure } from '@hub/testing';
import { DataSource } from 'typeorm';
import { drain, procedureBody, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

describe('POST /v1/procedures:import (real PostgreSQL and Kafka)', () => {
  let catalogue: Catalogue;
  const province = unique.province();
  const unit = unique.unit(province);
  const sector = unique.sector();
  const refs = { publisher: province, implementers: [unit], sector };

  beforeAll(async () => {
    catalogue = await startCatalogue();
    const headers = writerHeaders(catalogue);
    for (const [url, payload] of [
      ['/v1/agencies', { code: province, name: 'UBND tỉnh Nhập liệu', level: 'PROVINCE' }],
      ['/v1/agencies', { code: unit, name: 'Sở Tư pháp tỉnh Nhập liệu', level: 'UNIT', parentCode: province }],
      ['/v1/sectors', { code: sector, name: 'Hộ tịch' }],
    ] as const) {
      expect((await catalogue.app.inject({ method: 'POST', url, payload, headers })).statusCode).toBe(201);
    }
  });

  afterAll(() => catalogue?.close());

  const importJson = (payload: unknown) =>
    catalogue.app.inject({ method: 'POST', url: '/v1/procedures:import', payload: payload as object, headers: writerHeaders(catalogue) });
  const importNdjson = (body: string | Buffer, extraHeaders: Record<string, string> = {}) =>
    catalogue.app.inject({
      method: 'POST',
      url: '/v1/procedures:import',
      payload: body,
      headers: { ...writerHeaders(catalogue), 'content-type': 'application/x-ndjson', ...extraHeaders },
    });
  const versions = async (): Promise<number> =>
    (await catalogue.app.get(DataSource).query('SELECT count(*)::int AS n FROM procedure_version'))[0].n;

  it('imports hub-shape records with a result per record, and is idempotent on re-import', async () => {
    const [a, b, c] = [unique.procedure(), unique.procedure(), unique.procedure()];
    const bad = procedureBody(c, refs, { channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'WEEK' }, fees: [{ code: 'LP', name: 'Lệ phí', amount: -1 }] }] });
    const records = [procedureBody(a, refs), procedureBody(b, refs, { name: 'Đăng ký khai sinh', effectiveFrom: '2026-01-01' }), bad];
    const first = await importJson({ records });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 3, created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(first.json().results[0]).toEqual({ index: 0, code: a, result: 'created', version: 1 });
    expect(first.json().results[2]).toMatchObject({ index: 2, code: c, result: 'error' });
    expect(first.json().results[2].errors.map((e: { field: string }) => e.field).sort()).toEqual(['channels.0.fees.0.amount', 'channels.0.timeLimit.unit']);

    const again = await importJson(records);
    expect(again.json()).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 2, failed: 1 });

    const changed = await importJson([procedureBody(a, refs, { name: 'Cấp giấy phép xây dựng (sửa đổi)' })]);
    expect(changed.json().results).toEqual([{ index: 0, code: a, result: 'updated', version: 2 }]);
    expect((await catalogue.app.inject({ method: 'GET', url: `/v1/procedures/${b}` })).json()).toMatchObject({
      version: 1,
      name: 'Đăng ký khai sinh',
      effectiveFrom: '2026-01-01T00:00:00+07:00',
    });
  });

  it('maps LayThuTuc records (upper-case keys) and reports what it cannot map', async () => {
    const code = unique.procedure();
    const record = {
      MATTHC: code,
      TENTTHC: 'Đăng ký kết hôn',
      LINHVUCTHUCHIEN: [{ MALINHVUC: sector, TENLINHVUC: 'Hộ tịch' }],
      COQUANTHUCHIEN: [{ MADONVI: unit, TENDONVI: 'Sở Tư pháp' }],
      TRINHTUTHUCHIEN: [{ TENTRINHTU: 'Nộp hồ sơ' }, { TENTRINHTU: 'Trả kết quả' }],
      CACHTHUCTHUCHIEN: [
        { KENH: '1', THOIGIAN: [{ THOIGIANGIAIQUYET: '0.5', DONVITINH: 'Ngày làm việc', PHILEPHI: [{ MAPHILEPHI: 'LP', SOTIEN: 'Không', MOTA: 'Miễn lệ phí' }] }] },
        { KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: 3, DONVITINH: 'Ngày', PHILEPHI: [{ MAPHILEPHI: 'P1', SOTIEN: '1.000.000', MOTA: 'Phí' }] }] },
      ],
      THANHPHANHOSO: [{ GIAYTO: [{ TENGIAYTO: 'Tờ khai đăng ký kết hôn', TENMAUDON: 'Mẫu TK-KH', SOBANCHINH: '1', SOBANSAO: '0' }] }],
      DOITUONGTHUCHIEN: [{ TENDOITUONG: 'Công dân Việt Nam' }],
      KETQUATHUCHIEN: [{ TENKETQUA: 'Giấy chứng nhận kết hôn' }],
      YEUCAUDIEUKIEN: 'Không',
      CANCUPHAPLY: [{ SOVANBAN: '60/2014/QH13', TENVANBAN: 'Luật Hộ tịch', NGAYBANHANH: '20/11/2014' }],
      MUCDO: 'Toàn trình',
      QUYETDINHCONGBO: { SOQUYETDINH: '99/QĐ-UBND', NGAYBANHANH: '15/12/2025', MACOQUANBANHANH: province },
    };
    const broken = { ...record, MATTHC: unique.procedure(), CACHTHUCTHUCHIEN: [{ KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: 2, DONVITINH: 'Tuần', PHILEPHI: [{ SOTIEN: '-5.000' }] }] }], XYZ: 1 };
    const res = await importNdjson(`${JSON.stringify(record)}\n${JSON.stringify(broken)}\n{not json\n`);
    expect(res.statusCode).toBe(200);
    const [ok, bad, malformed] = res.json().results;
    expect(ok).toEqual({ index: 0, code, result: 'created', version: 1 });
    expect(bad.result).toBe('error');
    expect(bad.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'CACHTHUCTHUCHIEN.0.THOIGIAN.0.DONVITINH',
      'CACHTHUCTHUCHIEN.0.THOIGIAN.0.PHILEPHI.0.SOTIEN',
      'XYZ',
    ]);
    expect(malformed).toEqual({ index: 2, result: 'error', errors: [{ field: '', code: 'MALFORMED_RECORD', message: 'the line is not valid JSON' }] });

    const stored = (await catalogue.app.inject({ method: 'GET', url: `/v1/procedures/${code}` })).json();
    expect(stored).toMatchObject({
      name: 'Đăng ký kết hôn',
      publishingAgencyCode: province,
      onlineLevel: 'FULL',
      conditions: [],
      channels: [
        { channel: 'COUNTER', timeLimit: { amount: 4, unit: 'WORKING_HOUR' }, fees: [{ code: 'LP', name: 'Miễn lệ phí', amount: 0 }] },
        { channel: 'ONLINE', timeLimit: { amount: 3, unit: 'DAY' }, fees: [{ code: 'P1', name: 'Phí', amount: 1_000_000 }] },
      ],
      requiredDocuments: [{ name: 'Tờ khai đăng ký kết hôn', formName: 'Mẫu TK-KH', originals: 1, copies: 0 }],
      legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedDate: '2014-11-20' }],
      publicationDecision: { number: '99/QĐ-UBND', date: '2025-12-15', issuingAgencyCode: province, fastTrack: false },
    });
  });

  it('refuses a body over the limit with 413 and imports nothing (JSON and streamed NDJSON)', async () => {
    const before = await versions();
    const filler = 'x'.repeat(1000);
    const many = Array.from({ length: 11_000 }, (_, i) => procedureBody(`1.9${String(i).padStart(5, '0')}`, refs, { name: `Thủ tục ${i} ${filler}` }));
    const json = await importJson({ records: many });
    expect(json.statusCode).toBe(413);
    expect(json.headers['content-type']).toContain('application/problem+json');

    const ndjson = many.map((r) => JSON.stringify(r)).join('\n');
    const declared = await importNdjson(ndjson);
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE', limitBytes: 10 * 1024 * 1024 });
    expect(await versions()).toBe(before);
  });

  it('answers a 10 MiB hostile body of `1\\n` lines (5 million records) with 413 over a real connection, imports nothing and stays up', async () => {
    const before = await versions();
    const hostile = Buffer.from('1\n'.repeat(5 * 1024 * 1024));
    expect(hostile.length).toBe(10 * 1024 * 1024);
    const viaInject = await importNdjson(hostile);
    expect(viaInject.statusCode).toBe(413);
    expect(viaInject.json()).toMatchObject({ code: 'IMPORT_TOO_MANY_RECORDS', limitRecords: 10_000 });

    // Over a socket: the answer comes back on the connection while the rest of the body is discarded.
    await catalogue.app.listen(0, '127.0.0.1');
    const address = catalogue.app.getHttpServer().address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${address.port}/v1/procedures:import`, {
      method: 'POST',
      body: hostile,
      headers: { ...writerHeaders(catalogue), 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'IMPORT_TOO_MANY_RECORDS' });

    // The same as a JSON array (under the JSON budget): refused before any record is read.
    const json = await importJson(Array(10_001).fill(1));
    expect(json.statusCode).toBe(413);
    expect(json.json()).toMatchObject({ code: 'IMPORT_TOO_MANY_RECORDS' });

    expect(await versions()).toBe(before);
    const alive = await fetch(`http://127.0.0.1:${address.port}/v1/agencies/${province}`);
    expect(alive.status).toBe(200);
  }, 60_000);

  it('reports the reasons of the first 1,000 refused records and only the index of later ones', async () => {
    const res = await importNdjson('1\n'.repeat(1_200));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 1_200, failed: 1_200, errorDetailsOmitted: 200 });
    expect(report.results[999]).toMatchObject({ index: 999, result: 'error', errors: expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]) });
    expect(report.results[1_000]).toEqual({ index: 1_000, result: 'error' });
  });

  it('imports 10,000 records in one call and publishes each on Kafka', async () => {
    const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);
    await probe.watch(ProcedurePublished.topic);
    try {
      // Ten thousand codes in a block of their own (first digit 4–8, a random pair of digits next), which the other
      // suites' random codes (1–3), the e2e's (1.) and the benchmarks' (9.) never reach: every suite reads the same
      // shared topic by key, and one of these snapshots must never pass for another suite's procedure.
      const prefix = `${randomInt(4, 9)}.${String(randomInt(0, 100)).padStart(2, '0')}`;
      const codes = Array.from({ length: 10_000 }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
      const body = codes
        .map((code, i) =>
          JSON.stringify(
            procedureBody(code, refs, {
              name: `Thủ tục thử nghiệm số ${i}`,
              steps: [{ title: 'Nộp hồ sơ' }],
              requiredDocuments: [],
              subjects: ['Công dân'],
              channels: [{ channel: 'ONLINE', timeLimit: { amount: 5, unit: 'WORKING_DAY' }, fees: [] }],
            }),
          ),
        )
        .join('\n');
      expect(Buffer.byteLength(body)).toBeLessThan(10 * 1024 * 1024);
      // Memory and time of a large import are measured by the benchmarks (tools/bench/scenarios/catalogue-search.mjs).
      const res = await importNdjson(body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 10_000, created: 10_000, failed: 0 });

      const again = await importNdjson(body);
      expect(again.json()).toMatchObject({ total: 10_000, unchanged: 10_000 });

      await drain(catalogue);
      const wanted = new Set(codes);
      await expectEventually(() => expect(new Set(probe.messages.filter((m) => wanted.has(m.key!)).map((m) => m.key)).size).toBe(10_000), { timeoutMs: 60_000 });
    } finally {
      await probe.close();
    }
  }, 180_000);
});
