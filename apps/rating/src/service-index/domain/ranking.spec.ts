import { rankCompetition } from './ranking';

describe('competition ranking', () => {
  it('shares a rank between ties and skips the next (1, 2, 2, 4), unranked last', () => {
    const ranked = rankCompetition([
      { agencyCode: 'D', total: 70 },
      { agencyCode: 'N', total: null },
      { agencyCode: 'C', total: 80 },
      { agencyCode: 'A', total: 90 },
      { agencyCode: 'B', total: 80 },
    ]);
    expect(ranked.map((x) => [x.agencyCode, x.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
      ['N', null],
    ]);
  });

  it('ranks everyone first when all tie, and keeps other fields', () => {
    const ranked = rankCompetition([
      { agencyCode: 'B', total: 50, name: 'b' },
      { agencyCode: 'A', total: 50, name: 'a' },
      { agencyCode: 'C', total: 49.99, name: 'c' },
    ]);
    expect(ranked).toEqual([
      { agencyCode: 'A', total: 50, name: 'a', rank: 1 },
      { agencyCode: 'B', total: 50, name: 'b', rank: 1 },
      { agencyCode: 'C', total: 49.99, name: 'c', rank: 3 },
    ]);
  });

  it('ranks nothing in an empty list', () => {
    expect(rankCompetition([])).toEqual([]);
  });
});
