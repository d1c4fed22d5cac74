/**
 * The hub rule for the service-quality index (Decision 766/QĐ-TTg; DOMAIN.md "Service-quality index"): eight
 * indicators in five groups, weights summing to 100.
 */
export const INDEX_GROUPS = ['PUBLICITY', 'PROGRESS', 'DIGITISATION', 'ONLINE', 'SATISFACTION'] as const;
export type IndexGroup = (typeof INDEX_GROUPS)[number];

export const INDICATOR_NAMES = [
  'catalogueTimeliness',
  'syncTimeliness',
  'onTimeRate',
  'digitisedRate',
  'electronicResultRate',
  'onlineRate',
  'onlinePaymentRate',
  'satisfactionRate',
] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

export interface IndicatorRule {
  readonly group: IndexGroup;
  readonly weight: number;
}

export const INDICATOR_RULES: Readonly<Record<IndicatorName, IndicatorRule>> = {
  catalogueTimeliness: { group: 'PUBLICITY', weight: 6 },
  syncTimeliness: { group: 'PUBLICITY', weight: 12 },
  onTimeRate: { group: 'PROGRESS', weight: 20 },
  digitisedRate: { group: 'DIGITISATION', weight: 11 },
  electronicResultRate: { group: 'DIGITISATION', weight: 11 },
  onlineRate: { group: 'ONLINE', weight: 12 },
  onlinePaymentRate: { group: 'ONLINE', weight: 10 },
  satisfactionRate: { group: 'SATISFACTION', weight: 18 },
};

export function isIndicatorName(value: string): value is IndicatorName {
  return (INDICATOR_NAMES as readonly string[]).includes(value);
}

/** A numerator over a denominator, both whole counts. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** The eight ratios of one agency (or subtree) for one period; an absent indicator counts 0 / 0. */
export type IndicatorCounts = Partial<Record<IndicatorName, Ratio>>;

export type Targets = Readonly<Record<IndicatorName, number>>;

export const DEFAULT_TARGET = 1;

export const DEFAULT_TARGETS: Targets = Object.fromEntries(INDICATOR_NAMES.map((n) => [n, DEFAULT_TARGET])) as Record<IndicatorName, number>;

/** Sums ratios indicator by indicator (a year of months, a subtree of agencies): never averages. */
export function addCounts(...all: readonly IndicatorCounts[]): IndicatorCounts {
  const sum: Partial<Record<IndicatorName, Ratio>> = {};
  for (const counts of all) {
    for (const name of INDICATOR_NAMES) {
      const r = counts[name];
      if (!r) continue;
      const prev = sum[name] ?? { numerator: 0, denominator: 0 };
      sum[name] = { numerator: prev.numerator + r.numerator, denominator: prev.denominator + r.denominator };
    }
  }
  return sum;
}
