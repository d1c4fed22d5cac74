import { DEFAULT_TARGETS, type IndicatorCounts, type Targets } from './indicators';
import { indicatorPoints, roundHalfUp, scoreIndex } from './score';

const r = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('service-index score (hub rule, hand-computed)', () => {
  it('scores every indicator applicable with default targets', () => {
    const counts: IndicatorCounts = {
      catalogueTimeliness: r(3, 4), // 0.75 × 6 = 4.5
      syncTimeliness: r(9, 10), // 0.9 × 12 = 10.8
      onTimeRate: r(7, 10), // 0.7 × 20 = 14
      digitisedRate: r(1, 2), // 0.5 × 11 = 5.5
      electronicResultRate: r(0, 5), // 0
      onlineRate: r(3, 4), // 0.75 × 12 = 9
      onlinePaymentRate: r(2, 2), // 10
      satisfactionRate: r(2, 3), // 12
    };
    const s = scoreIndex(counts, DEFAULT_TARGETS);
    expect(s.total).toBe(65.8);
    expect(s.groups).toEqual({
      PUBLICITY: { points: 15.3, max: 18 },
      PROGRESS: { points: 14, max: 20 },
      DIGITISATION: { points: 5.5, max: 22 },
      ONLINE: { points: 19, max: 22 },
      SATISFACTION: { points: 12, max: 18 },
    });
    expect(s.indicators.satisfactionRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3, target: 1, weight: 18, points: 12 });
    expect(s.indicators.electronicResultRate).toEqual({ numerator: 0, denominator: 5, value: 0, target: 1, weight: 11, points: 0 });
  });

  it('leaves indicators with an empty denominator out of the maximum', () => {
    // (10 + 18) / (20 + 18) × 100 = 73.684… → 73.68
    const s = scoreIndex({ onTimeRate: r(1, 2), satisfactionRate: r(1, 1), digitisedRate: r(0, 0) }, DEFAULT_TARGETS);
    expect(s.total).toBe(73.68);
    expect(s.indicators.digitisedRate).toEqual({ numerator: 0, denominator: 0, value: null, target: 1, weight: 11, points: null });
    expect(s.indicators.catalogueTimeliness.value).toBeNull();
    expect(s.groups.PUBLICITY).toEqual({ points: 0, max: 0 });
    expect(s.groups.DIGITISATION).toEqual({ points: 0, max: 0 });
    expect(s.groups.PROGRESS).toEqual({ points: 10, max: 20 });
  });

  it('has no total when no indicator applies', () => {
    const s = scoreIndex({}, DEFAULT_TARGETS);
    expect(s.total).toBeNull();
    expect(Object.values(s.indicators).every((i) => i.points === null && i.value === null)).toBe(true);
  });

  it('divides by targets below 1 and caps each indicator at its weight', () => {
    const targets: Targets = { ...DEFAULT_TARGETS, onTimeRate: 0.8, satisfactionRate: 0.9, onlineRate: 0.5 };
    // onTime 0.6/0.8 × 20 = 15; satisfaction 0.95/0.9 capped → 18; online 0.25/0.5 × 12 = 6 → 39 / 50 = 78
    const s = scoreIndex({ onTimeRate: r(3, 5), satisfactionRate: r(19, 20), onlineRate: r(1, 4) }, targets);
    expect(s.total).toBe(78);
    expect(s.indicators.onTimeRate).toMatchObject({ target: 0.8, points: 15 });
    expect(s.indicators.satisfactionRate.points).toBe(18);
    expect(s.indicators.onlineRate.points).toBe(6);
  });

  it.each([
    [1, 8, 12.5],
    [1, 32, 3.13], // 3.125 → half-up
    [1, 160, 0.63], // 0.625
    [201, 20000, 1.01], // 1.005, not representable exactly in binary
    [2, 3, 66.67],
    [1, 3, 33.33],
    [0, 7, 0],
    [7, 7, 100],
  ])('rounds the total half-up to 2 decimals: onTimeRate %i/%i → %d', (n, d, total) => {
    expect(scoreIndex({ onTimeRate: r(n, d) }, DEFAULT_TARGETS).total).toBe(total);
  });

  it('computes the total from unrounded points, not from rounded ones', () => {
    // 1/3 × 12 = 4 exactly; 1/3 × 11 = 3.666…; 1/3 × 6 = 2 → (4 + 3.666… + 2) / 29 × 100 = 33.333… → 33.33
    const s = scoreIndex({ syncTimeliness: r(1, 3), digitisedRate: r(1, 3), catalogueTimeliness: r(1, 3) }, DEFAULT_TARGETS);
    expect(s.total).toBe(33.33);
    expect(s.indicators.digitisedRate.points).toBe(3.67);
  });

  it('roundHalfUp and indicatorPoints on their own', () => {
    expect(roundHalfUp(2.675)).toBe(2.68);
    expect(roundHalfUp(2.674999)).toBe(2.67);
    expect(roundHalfUp(0.5, 0)).toBe(1);
    expect(indicatorPoints(0, 0, 1, 20)).toBeNull();
    expect(indicatorPoints(1, 2, 0.25, 10)).toBe(10);
  });
});
