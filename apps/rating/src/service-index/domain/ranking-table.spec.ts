import { DEFAULT_TARGETS, type IndicatorCounts } from './indicators';
import { rankingTable, type AgencyInfo } from './ranking-table';

const r = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('ranking table for a period', () => {
  const agencies: AgencyInfo[] = [
    { code: 'H1', name: 'Province 1', level: 'PROVINCE', parentCode: null },
    { code: 'H1.U', name: 'Dept of province 1', level: 'UNIT', parentCode: 'H1' },
    { code: 'H2', name: 'Province 2', level: 'PROVINCE', parentCode: null },
    { code: 'H3', name: 'Province 3', level: 'PROVINCE', parentCode: null },
    { code: 'H4', name: 'Province 4', level: 'PROVINCE', parentCode: null },
  ];

  it('sums the months, rolls up, and ranks each level separately with ties', () => {
    const jan = new Map<string, IndicatorCounts>([
      ['H1.U', { onTimeRate: r(1, 2) }],
      ['H2', { onTimeRate: r(1, 1) }],
      ['H3', { onTimeRate: r(3, 4) }],
    ]);
    const feb = new Map<string, IndicatorCounts>([
      ['H1.U', { onTimeRate: r(2, 2) }], // H1 over the two months: 3/4 = 75, tied with H3
      ['H2', { onTimeRate: r(0, 1) }], // H2: 1/2 = 50
    ]);
    const table = rankingTable(agencies, [jan, feb], DEFAULT_TARGETS);
    const provinces = table.filter((s) => s.level === 'PROVINCE').map((s) => [s.agencyCode, s.total, s.rank]);
    expect(provinces).toEqual([
      ['H1', 75, 1],
      ['H3', 75, 1],
      ['H2', 50, 3],
      ['H4', null, null],
    ]);
    expect(table.find((s) => s.agencyCode === 'H1.U')).toMatchObject({ level: 'UNIT', total: 75, rank: 1, name: 'Dept of province 1' });
  });
});
