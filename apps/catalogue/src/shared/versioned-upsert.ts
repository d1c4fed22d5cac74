export type UpsertResult = 'created' | 'updated' | 'unchanged';

export type UpsertPlan<S> =
  | { result: 'unchanged'; existing: S }
  | { result: 'created'; revision: 1; existing: null }
  | { result: 'updated'; revision: number; existing: S };

type NumericKey<S> = { [K in keyof S]: S[K] extends number ? K : never }[keyof S];

/**
 * The catalogue's versioned upsert of a snapshot (agency, sector, calendar year, status mapping): the same state
 * sent again is `unchanged` (nothing written, nothing published); otherwise it is written as the next
 * revision (`created` at 1, `updated` after the stored one) and its snapshot published.
 * Copy from `upsert-sector.usecase.ts`.
 */
export function planUpsert<S extends object>(existing: S | null, same: (existing: S) => boolean, counter: NumericKey<S>): UpsertPlan<S> {
  if (existing === null) return { result: 'created', revision: 1, existing: null };
  if (same(existing)) return { result: 'unchanged', existing };
  return { result: 'updated', revision: (existing[counter] as number) + 1, existing };
}
