import { DEFAULT_TARGETS, addCounts, type IndicatorCounts } from './indicators';
import { rollUp, type AgencyNode } from './rollup';
import { scoreIndex } from './score';

const r = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('roll-up over the agency tree', () => {
  // Province P ─┬─ department U1 ── commune C1
  //             └─ department U2
  const tree: AgencyNode[] = [
    { code: 'P', parentCode: null },
    { code: 'U1', parentCode: 'P' },
    { code: 'C1', parentCode: 'U1' },
    { code: 'U2', parentCode: 'P' },
  ];
  const own = new Map<string, IndicatorCounts>([
    ['P', { onTimeRate: r(1, 1) }],
    ['U1', { onTimeRate: r(2, 4), onlineRate: r(1, 1) }],
    ['C1', { onTimeRate: r(0, 3) }],
    ['U2', { onTimeRate: r(1, 2) }],
  ]);

  it('sums numerators and denominators of the whole subtree, then divides', () => {
    const rolled = rollUp(tree, own);
    expect(rolled.get('C1')).toEqual({ onTimeRate: r(0, 3) });
    expect(rolled.get('U1')).toEqual({ onTimeRate: r(2, 7), onlineRate: r(1, 1) });
    expect(rolled.get('U2')).toEqual({ onTimeRate: r(1, 2) });
    expect(rolled.get('P')).toEqual({ onTimeRate: r(4, 10), onlineRate: r(1, 1) });
    // P: (0.4 × 20 + 12) / 32 × 100 = 62.5 (an average of the children's ratios would give something else)
    expect(scoreIndex(rolled.get('P')!, DEFAULT_TARGETS).total).toBe(62.5);
    // U1: (2/7 × 20 + 12) / 32 × 100 = 55.357… → 55.36
    expect(scoreIndex(rolled.get('U1')!, DEFAULT_TARGETS).total).toBe(55.36);
    expect(scoreIndex(rolled.get('C1')!, DEFAULT_TARGETS).total).toBe(0);
  });

  it('gives agencies without own figures the sum of their units, and empty counts to empty leaves', () => {
    const rolled = rollUp([...tree, { code: 'C2', parentCode: 'U2' }, { code: 'X', parentCode: null }], new Map([['C2', { onlineRate: r(1, 2) }]]));
    expect(rolled.get('P')).toEqual({ onlineRate: r(1, 2) });
    expect(rolled.get('X')).toEqual({});
    expect(scoreIndex(rolled.get('X')!, DEFAULT_TARGETS).total).toBeNull();
  });

  it('counts an agency not yet in the tree on its own and survives a cycle', () => {
    const rolled = rollUp([{ code: 'A', parentCode: 'B' }, { code: 'B', parentCode: 'A' }], new Map([['A', { onlineRate: r(1, 1) }], ['Z', { onlineRate: r(0, 1) }]]));
    expect(rolled.get('A')).toEqual({ onlineRate: r(1, 1) });
    expect(rolled.get('B')).toEqual({ onlineRate: r(1, 1) });
    expect(rolled.get('Z')).toEqual({ onlineRate: r(0, 1) });
  });

  it('sums months into a year the same way', () => {
    const year = addCounts({ onTimeRate: r(1, 1) }, { onTimeRate: r(0, 3), satisfactionRate: r(2, 2) }, {});
    expect(year).toEqual({ onTimeRate: r(1, 4), satisfactionRate: r(2, 2) });
    // 0.25 × 20 + 18 = 23 / 38 → 60.526… → 60.53, not the mean of the monthly totals
    expect(scoreIndex(year, DEFAULT_TARGETS).total).toBe(60.53);
  });
});
