import { contributionDelta, dossierContributions, statusChangeContribution, type Contribution } from './contributions';
import { nextIndexedDossier, statusChangedAt, type DossierEvent, type IndexedDossier } from './dossier-facts';

/** One dossier event of a consumer chunk and when it reached the hub (the envelope's `occurred-at`). */
export interface ArrivedDossierEvent {
  readonly event: DossierEvent;
  readonly reachedHubAt: Date;
}

/** What the index holds for the chunk's dossiers before it is applied (read in one go). */
export interface DossierBatchState {
  /** The index copy of each dossier of the chunk that it already knows. */
  readonly dossiers: ReadonlyMap<string, IndexedDossier>;
  /** Dossiers with a succeeded online payment. */
  readonly paidOnline: ReadonlySet<string>;
  /** `statusChangeKey` of the chunk's status changes seen for the first time (each counts once). */
  readonly firstStatusChanges: ReadonlySet<string>;
}

export interface DossierBatchResult {
  /** The dossiers whose index copy changed, at their latest state (one per dossier). */
  readonly save: IndexedDossier[];
  /** The counter deltas of the whole chunk, merged (lines that cancel out dropped). */
  readonly deltas: Contribution[];
}

export const statusChangeKey = (dossierCode: string, revision: number): string => `${dossierCode}#${revision}`;

/**
 * Applies a chunk of dossier events in order, exactly as one after another: a status change counts once for
 * sync timeliness, and each newer revision replaces the dossier's previous contribution. Pure, so a chunk of a
 * hundred events costs a few statements (read the state, save the dossiers, append the deltas), not hundreds.
 */
export function applyDossierEvents(state: DossierBatchState, items: readonly ArrivedDossierEvent[]): DossierBatchResult {
  const current = new Map(state.dossiers);
  const firsts = new Set(state.firstStatusChanges);
  const changed = new Map<string, IndexedDossier>();
  const deltas: Contribution[] = [];
  for (const { event, reachedHubAt } of items) {
    const p = event.payload;
    // Delete as we go: the same status change twice in one chunk counts once.
    if (firsts.delete(statusChangeKey(p.dossierCode, p.revision))) {
      deltas.push(statusChangeContribution(p.receivingAgencyCode, statusChangedAt(event), reachedHubAt));
    }
    const before = current.get(p.dossierCode) ?? null;
    const next = nextIndexedDossier(before, event);
    if (!next) continue;
    const paidOnline = state.paidOnline.has(p.dossierCode);
    deltas.push(...contributionDelta(dossierContributions(before && { ...before, paidOnline }), dossierContributions({ ...next, paidOnline })));
    current.set(p.dossierCode, next);
    changed.set(p.dossierCode, next);
  }
  return { save: [...changed.values()], deltas: contributionDelta([], deltas) };
}
