import { addCounts, type IndicatorCounts, type Targets } from './indicators';
import { rankCompetition, type Ranked } from './ranking';
import { rollUp, type AgencyNode } from './rollup';
import { scoreIndex, type IndexScore } from './score';

export interface AgencyInfo extends AgencyNode {
  readonly name: string;
  readonly level: string;
}

export interface AgencyScore extends IndexScore {
  agencyCode: string;
  name: string;
  level: string;
}

/**
 * Scores every known agency for a period (its months' own counts summed, then rolled up over the subtree) and
 * ranks each level on its own. Agencies seen in counters but not (yet) in the tree have no level and are unranked.
 */
export function rankingTable(agencies: readonly AgencyInfo[], monthlyOwn: readonly ReadonlyMap<string, IndicatorCounts>[], targets: Targets): Ranked<AgencyScore>[] {
  const own = new Map<string, IndicatorCounts>();
  for (const month of monthlyOwn) for (const [code, counts] of month) own.set(code, addCounts(own.get(code) ?? {}, counts));
  const rolled = rollUp(agencies, own);
  const byLevel = new Map<string, AgencyScore[]>();
  for (const a of agencies) {
    const score: AgencyScore = { agencyCode: a.code, name: a.name, level: a.level, ...scoreIndex(rolled.get(a.code) ?? {}, targets) };
    byLevel.set(a.level, [...(byLevel.get(a.level) ?? []), score]);
  }
  return [...byLevel.values()].flatMap((scores) => rankCompetition(scores));
}
