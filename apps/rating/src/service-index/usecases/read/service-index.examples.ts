import { DEFAULT_TARGETS, type IndicatorCounts } from '../../domain/indicators';
import { scoreIndex } from '../../domain/score';

/** One month of one agency, as the published API document shows it: scored by the real rule, so it always adds up. */
const EXAMPLE_COUNTS: IndicatorCounts = {
  catalogueTimeliness: { numerator: 14, denominator: 15 },
  syncTimeliness: { numerator: 1236, denominator: 1240 },
  onTimeRate: { numerator: 1178, denominator: 1212 },
  digitisedRate: { numerator: 1105, denominator: 1240 },
  electronicResultRate: { numerator: 1050, denominator: 1212 },
  onlineRate: { numerator: 868, denominator: 1240 },
  onlinePaymentRate: { numerator: 402, denominator: 515 },
  satisfactionRate: { numerator: 391, denominator: 402 },
};

export const INDEX_SCORE_EXAMPLE = scoreIndex(EXAMPLE_COUNTS, DEFAULT_TARGETS);
