import { INDEX_GROUPS, INDICATOR_NAMES, INDICATOR_RULES, type IndexGroup, type IndicatorCounts, type IndicatorName, type Targets } from './indicators';

export interface IndicatorScore {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0 (not applicable). */
  value: number | null;
  target: number;
  weight: number;
  /** min(1, value / target) × weight, rounded half-up to 2 decimals for display; null when not applicable. */
  points: number | null;
}

export interface GroupScore {
  points: number;
  /** Sum of the weights of the group's applicable indicators. */
  max: number;
}

export interface IndexScore {
  /** Σ points / Σ applicable weights × 100, half-up to 2 decimals; null when no indicator applies. */
  total: number | null;
  indicators: Record<IndicatorName, IndicatorScore>;
  groups: Record<IndexGroup, GroupScore>;
}

/** Half-up rounding to `decimals` places, robust to binary representation (1.005 → 1.01). */
export function roundHalfUp(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const scaled = x * f;
  const nudged = scaled + Math.abs(scaled) * Number.EPSILON * 8;
  return Math.sign(nudged) * Math.floor(Math.abs(nudged) + 0.5) / f;
}

/** Exact (unrounded) points of one indicator, or null when its denominator is 0. */
export function indicatorPoints(numerator: number, denominator: number, target: number, weight: number): number | null {
  if (denominator <= 0) return null;
  return Math.min(1, numerator / denominator / target) * weight;
}

/** Scores one agency's (already rolled-up) counts for one period under the given targets. */
export function scoreIndex(counts: IndicatorCounts, targets: Targets): IndexScore {
  let earned = 0;
  let applicableWeight = 0;
  const groupsExact = Object.fromEntries(INDEX_GROUPS.map((g) => [g, { points: 0, max: 0 }])) as Record<IndexGroup, GroupScore>;
  const indicators = {} as Record<IndicatorName, IndicatorScore>;
  for (const name of INDICATOR_NAMES) {
    const { weight, group } = INDICATOR_RULES[name];
    const { numerator, denominator } = counts[name] ?? { numerator: 0, denominator: 0 };
    const target = targets[name];
    const points = indicatorPoints(numerator, denominator, target, weight);
    indicators[name] = {
      numerator,
      denominator,
      value: denominator > 0 ? numerator / denominator : null,
      target,
      weight,
      points: points === null ? null : roundHalfUp(points),
    };
    if (points === null) continue;
    earned += points;
    applicableWeight += weight;
    groupsExact[group].points += points;
    groupsExact[group].max += weight;
  }
  const groups = Object.fromEntries(
    INDEX_GROUPS.map((g) => [g, { points: roundHalfUp(groupsExact[g].points), max: groupsExact[g].max }]),
  ) as Record<IndexGroup, GroupScore>;
  return { total: applicableWeight === 0 ? null : roundHalfUp((earned / applicableWeight) * 100), indicators, groups };
}
