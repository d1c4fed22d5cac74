import { procedureBody, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

describe('GET /v1/procedures search (real PostgreSQL)', () => {
  let catalogue: Catalogue;
  const province = unique.province();
  const other = unique.unit(province);
  const building = unique.sector();
  const civil = unique.sector();
  const codes: Record<string, string> = {};
  const NAMES = {
    exact: 'Giấy phép xây dựng',
    prefix: 'Giấy phép xây dựng nhà ở riêng lẻ',
    phrase: 'Cấp lại giấy phép xây dựng',
    words: 'Điều chỉnh giấy phép sửa chữa, cải tạo công trình xây dựng',
    birth: 'Đăng ký khai sinh',
    marriage: 'Đăng ký kết hôn',
    future: 'Giấy phép xây dựng công trình tạm (chưa hiệu lực)',
  };

  beforeAll(async () => {
    catalogue = await startCatalogue();
    const headers = writerHeaders(catalogue);
    for (const [url, payload] of [
      ['/v1/agencies', { code: province, name: 'UBND tỉnh Tìm kiếm', level: 'PROVINCE' }],
      ['/v1/agencies', { code: other, name: 'Sở Tư pháp', level: 'UNIT', parentCode: province }],
      ['/v1/sectors', { code: building, name: 'Hoạt động xây dựng' }],
      ['/v1/sectors', { code: civil, name: 'Hộ tịch' }],
    ] as const) {
      await catalogue.app.inject({ method: 'POST', url, payload, headers });
    }
    for (const key of Object.keys(NAMES)) codes[key] = unique.procedure();
    const records = Object.entries(NAMES).map(([key, name]) =>
      procedureBody(codes[key], { publisher: province, implementers: key === 'birth' || key === 'marriage' ? [other] : [province], sector: key === 'birth' || key === 'marriage' ? civil : building }, {
        name,
        onlineLevel: key === 'words' ? 'PARTIAL' : 'FULL',
        ...(key === 'future' ? { effectiveFrom: '2099-01-01' } : {}),
      }),
    );
    // 25 more building procedures for paging.
    for (let i = 0; i < 25; i++) {
      records.push(procedureBody(`3.${String(900000 + i)}`, { publisher: province, implementers: [province], sector: building }, { name: `Thẩm định thiết kế xây dựng công trình cấp ${i}` }));
    }
    const res = await catalogue.app.inject({ method: 'POST', url: '/v1/procedures:import', payload: records, headers });
    expect(res.json()).toMatchObject({ failed: 0 });
  });

  afterAll(() => catalogue?.close());

  const search = async (query: string) => {
    const res = await catalogue.app.inject({ method: 'GET', url: `/v1/procedures?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Array<{ code: string; name: string; match: string }>; total: number; page: number; pageSize: number };
  };

  it('finds Vietnamese names without accents or case, ranked: exact name, prefix, phrase, words', async () => {
    const result = await search('q=giay%20phep%20xay%20dung');
    expect(result.items.slice(0, 4).map((i) => i.name)).toEqual([NAMES.exact, NAMES.prefix, NAMES.phrase, NAMES.words]);
    expect(result.items.slice(0, 4).map((i) => i.match)).toEqual(['NAME', 'NAME_PREFIX', 'PHRASE', 'WORDS']);
    expect(result.total).toBe(4);
    expect((await search(`q=${encodeURIComponent('GIẤY PHÉP XÂY DỰNG')}`)).items.map((i) => i.code)).toEqual(result.items.map((i) => i.code));
    expect((await search('q=dang%20ky')).items.map((i) => i.name).sort()).toEqual([NAMES.birth, NAMES.marriage].sort());
  });

  it('puts the exact code first, even when the words match other procedures', async () => {
    const result = await search(`q=${codes.words}`);
    expect(result.items[0]).toMatchObject({ code: codes.words, match: 'CODE' });
    expect(result.total).toBe(1);
  });

  it('only returns versions in force now', async () => {
    const result = await search('q=cong%20trinh%20tam');
    expect(result.items.map((i) => i.code)).not.toContain(codes.future);
  });

  it('filters by sector, agency and online level', async () => {
    expect((await search(`sector=${civil}`)).items.map((i) => i.code).sort()).toEqual([codes.birth, codes.marriage].sort());
    expect((await search(`agency=${other}`)).total).toBe(2);
    expect((await search(`q=giay%20phep&onlineLevel=PARTIAL`)).items.map((i) => i.code)).toEqual([codes.words]);
  });

  it('pages stably with a total', async () => {
    const all = await search(`sector=${building}&pageSize=100`);
    expect(all.total).toBe(29);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await search(`sector=${building}&pageSize=10&page=${page}`)).items.map((i) => i.code));
    expect(pages).toEqual(all.items.map((i) => i.code));
    const last = await search(`sector=${building}&pageSize=10&page=3`);
    expect(last).toMatchObject({ total: 29, page: 3, pageSize: 10 });
    expect(last.items).toHaveLength(9);
    expect(await search(`sector=${building}&pageSize=10&page=9`)).toMatchObject({ total: 29, items: [] });
  });

  it('counts the total of a ranked query across pages', async () => {
    const first = await search('q=xay%20dung&pageSize=5');
    expect(first.total).toBe(29);
    const second = await search('q=xay%20dung&pageSize=5&page=2');
    expect(second.total).toBe(29);
    expect(first.items.map((i) => i.match)).toEqual(Array(5).fill('PHRASE'));
    expect(new Set([...first.items, ...second.items].map((i) => i.code)).size).toBe(10);
  });

  it('rejects bad paging and filters with 400 problems', async () => {
    for (const query of ['pageSize=1000', 'page=0', 'onlineLevel=SOME', 'sector=bad%20code', `q=${'a'.repeat(201)}`, 'unknown=1']) {
      const res = await catalogue.app.inject({ method: 'GET', url: `/v1/procedures?${query}` });
      expect([query, res.statusCode, res.json().code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });
});
