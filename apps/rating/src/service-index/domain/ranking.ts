export interface Rankable {
  readonly agencyCode: string;
  readonly total: number | null;
}

export type Ranked<T extends Rankable> = T & { rank: number | null };

/**
 * Competition ranking ("1224"): total descending, equal totals share a rank and the next rank skips. Agencies
 * without a total are unranked (rank null) and listed last; ties are listed by agency code for a stable order.
 */
export function rankCompetition<T extends Rankable>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => {
    if (a.total === null || b.total === null) {
      if (a.total !== b.total) return a.total === null ? 1 : -1;
    } else if (a.total !== b.total) return b.total - a.total;
    return a.agencyCode < b.agencyCode ? -1 : a.agencyCode > b.agencyCode ? 1 : 0;
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((item, i) => {
    if (item.total === null) return { ...item, rank: null };
    if (item.total !== previous) rank = i + 1;
    previous = item.total;
    return { ...item, rank };
  });
}
