import type { IndicatorName } from './indicators';
import { monthOf } from './period';

/** What one fact adds to the per-agency, per-month counters. */
export interface Contribution {
  readonly agencyCode: string;
  readonly month: string;
  readonly indicator: IndicatorName;
  readonly numerator: number;
  readonly denominator: number;
}

/** The latest known state of one dossier, as the index needs it (no personal data). */
export interface DossierIndexFacts {
  readonly agencyCode: string;
  readonly receivedAt: Date;
  readonly channel: string;
  readonly documentsDigitised: boolean;
  /** Set once the dossier is finished (status 9, and 10 after it). */
  readonly finishedAt: Date | null;
  readonly timeliness: string | null;
  readonly resultElectronic: boolean;
  readonly feeTotal: number;
  /** At least one succeeded online payment for this dossier is known. */
  readonly paidOnline: boolean;
}

const one = (agencyCode: string, month: string, indicator: IndicatorName, hit: boolean): Contribution => ({
  agencyCode,
  month,
  indicator,
  numerator: hit ? 1 : 0,
  denominator: 1,
});

/** The dossier counts for its receiving agency: received-side rates in the month of receipt, finished-side ones in the month of finishing. */
export function dossierContributions(d: DossierIndexFacts | null): Contribution[] {
  if (!d) return [];
  const received = monthOf(d.receivedAt);
  const out = [one(d.agencyCode, received, 'digitisedRate', d.documentsDigitised), one(d.agencyCode, received, 'onlineRate', d.channel === 'ONLINE')];
  if (d.finishedAt) {
    const finished = monthOf(d.finishedAt);
    out.push(one(d.agencyCode, finished, 'onTimeRate', d.timeliness === 'EARLY' || d.timeliness === 'ON_TIME'));
    out.push(one(d.agencyCode, finished, 'electronicResultRate', d.resultElectronic));
    if (d.feeTotal > 0) out.push(one(d.agencyCode, finished, 'onlinePaymentRate', d.paidOnline));
  }
  return out;
}

export const SYNC_DELAY_LIMIT_MS = 24 * 3_600_000;

/** One status change: counted in the month it reached the hub; on time when within 24 h of its own time. */
export function statusChangeContribution(agencyCode: string, changedAt: Date, reachedHubAt: Date): Contribution {
  return one(agencyCode, monthOf(reachedHubAt), 'syncTimeliness', reachedHubAt.getTime() - changedAt.getTime() <= SYNC_DELAY_LIMIT_MS);
}

/** The active rating of a dossier: counted in the month of its `ratedAt`; satisfied unless NOT_SATISFIED. */
export function ratingContribution(r: { agencyCode: string; ratedAt: Date; level: string } | null): Contribution[] {
  return r ? [one(r.agencyCode, monthOf(r.ratedAt), 'satisfactionRate', r.level !== 'NOT_SATISFIED')] : [];
}

/** One procedure version entered in the catalogue, for the agency publishing it, in the month it was entered. */
export function catalogueContribution(agencyCode: string, enteredAt: Date, withinDeadline: boolean): Contribution {
  return one(agencyCode, monthOf(enteredAt), 'catalogueTimeliness', withinDeadline);
}

/**
 * What to add to the counters when a fact moves from `before` to `after` (latest known state decides): the old
 * contributions are taken back, the new ones added, and lines that cancel out are dropped.
 */
export function contributionDelta(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  const sum = new Map<string, Contribution>();
  const add = (c: Contribution, sign: 1 | -1) => {
    const key = `${c.agencyCode}|${c.month}|${c.indicator}`;
    const prev = sum.get(key) ?? { ...c, numerator: 0, denominator: 0 };
    sum.set(key, { ...prev, numerator: prev.numerator + sign * c.numerator, denominator: prev.denominator + sign * c.denominator });
  };
  before.forEach((c) => add(c, -1));
  after.forEach((c) => add(c, 1));
  return [...sum.values()].filter((c) => c.numerator !== 0 || c.denominator !== 0);
}
