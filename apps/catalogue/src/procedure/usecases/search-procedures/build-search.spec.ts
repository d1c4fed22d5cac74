import { buildSearch, searchTextOf } from '../../procedure-search.sql';

const at = new Date('2026-01-12T00:00:00Z');

describe('buildSearch', () => {
  it('without a query only filters on validity and the given filters', () => {
    const { where, params, rank, score } = buildSearch({ at, sector: 'G09-XD01' });
    expect(params).toEqual([at, 'G09-XD01']);
    expect(where).toContain('$2::text = ANY (v.sector_codes)');
    expect([rank, score]).toEqual(['4', '0::float8']);
  });

  it('matches every word as a word prefix, accent-free, and ranks the exact code first', () => {
    const { where, params, rank, whereParams } = buildSearch({ at, q: 'Giấy phép  XÂY' });
    expect(params).toEqual([at, 'Giấy phép  XÂY', 'giay:* & phep:* & xay:*', 'giay phep xay', 'giay phep xay']);
    expect(whereParams).toBe(3);
    expect(where).toContain("(v.procedure_code = $2::text OR v.search_vector @@ to_tsquery('simple', $3::text))");
    expect(rank).toMatch(/WHEN v.procedure_code = \$2::text THEN 0/);
  });

  it('keeps tsquery syntax and LIKE wildcards out of the query', () => {
    expect(buildSearch({ at, q: "a & b | !c:* 'd'" }).params[2]).toBe('a:* & b:* & c:* & d:*');
    expect(buildSearch({ at, q: '100%' }).params).toContain('100');
    expect(buildSearch({ at, q: '_' }).where).toContain('v.procedure_code = $2::text');
  });
});

describe('searchTextOf', () => {
  it('pads the normalised name and code for word-prefix matching', () => {
    expect(searchTextOf('2.000815.H55.242', 'Đăng ký hộ kinh doanh')).toBe(' dang ky ho kinh doanh 2 000815 h55 242 ');
  });
});
