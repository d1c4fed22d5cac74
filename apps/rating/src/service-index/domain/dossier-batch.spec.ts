import { DossierReceived, DossierStatusChanged } from '@hub/contracts';
import { contributionDelta, type Contribution } from './contributions';
import { applyDossierEvents, statusChangeKey, type ArrivedDossierEvent, type DossierBatchState } from './dossier-batch';
import type { IndexedDossier } from './dossier-facts';

const received = { ...DossierReceived.example, revision: 1, status: 2 };
const finished = { ...DossierStatusChanged.example, dossierCode: received.dossierCode, receivingAgencyCode: received.receivingAgencyCode, revision: 3 };
const other = { ...received, dossierCode: `${received.receivingAgencyCode}-260112-0099` };
const at = new Date('2026-01-20T03:00:00Z');

const rec = (payload: typeof received): ArrivedDossierEvent => ({ event: { kind: 'received', payload }, reachedHubAt: at });
const chg = (payload: typeof finished): ArrivedDossierEvent => ({ event: { kind: 'status-changed', payload }, reachedHubAt: at });
const empty = (firsts: string[] = [], paid: string[] = [], dossiers: IndexedDossier[] = []): DossierBatchState => ({
  dossiers: new Map(dossiers.map((d) => [d.dossierCode, d])),
  paidOnline: new Set(paid),
  firstStatusChanges: new Set(firsts),
});

/** Reference: the same events applied one chunk of one event at a time (what the per-event consumer did). */
function oneByOne(state: DossierBatchState, items: ArrivedDossierEvent[]): { dossiers: Map<string, IndexedDossier>; deltas: Contribution[] } {
  const dossiers = new Map(state.dossiers);
  const firsts = new Set(state.firstStatusChanges);
  const deltas: Contribution[] = [];
  for (const item of items) {
    const key = statusChangeKey(item.event.payload.dossierCode, item.event.payload.revision);
    const r = applyDossierEvents({ dossiers, paidOnline: state.paidOnline, firstStatusChanges: new Set(firsts.has(key) ? [key] : []) }, [item]);
    firsts.delete(key);
    r.save.forEach((d) => dossiers.set(d.dossierCode, d));
    deltas.push(...r.deltas);
  }
  return { dossiers, deltas: contributionDelta([], deltas) };
}

const sorted = (c: Contribution[]) => [...c].sort((a, b) => `${a.agencyCode}${a.month}${a.indicator}`.localeCompare(`${b.agencyCode}${b.month}${b.indicator}`));

describe('applying a chunk of dossier events to the index', () => {
  it('gives the same dossiers and counters as applying them one after another', () => {
    const items = [rec(received), rec(other), chg(finished), chg({ ...finished, revision: 2, to: 4 } as typeof finished), chg({ ...finished, dossierCode: other.dossierCode, revision: 2 })];
    const state = empty(items.map((i) => statusChangeKey(i.event.payload.dossierCode, i.event.payload.revision)), [received.dossierCode]);
    const batch = applyDossierEvents(state, items);
    const reference = oneByOne(state, items);
    expect(sorted(batch.deltas)).toEqual(sorted(reference.deltas));
    expect(new Map(batch.save.map((d) => [d.dossierCode, d]))).toEqual(reference.dossiers);
    // The late revision 2 of the first dossier came after its revision 3: the latest known state decides.
    expect(batch.save.find((d) => d.dossierCode === received.dossierCode)).toMatchObject({ revision: 3, status: 9 });
  });

  it('counts a status change seen twice in one chunk once, and one seen before not at all', () => {
    const twice = applyDossierEvents(empty([statusChangeKey(finished.dossierCode, 3)]), [chg(finished), chg(finished)]);
    expect(twice.deltas.filter((d) => d.indicator === 'syncTimeliness')).toEqual([expect.objectContaining({ denominator: 1 })]);
    const seen = applyDossierEvents(empty([]), [chg(finished)]);
    expect(seen.deltas.filter((d) => d.indicator === 'syncTimeliness')).toEqual([]);
  });

  it('takes back the held contribution of a known dossier, and changes nothing for an older revision', () => {
    const held = applyDossierEvents(empty(), [rec(received)]).save[0];
    const replaced = applyDossierEvents(empty([], [], [held]), [chg(finished)]);
    // Digitised and online rates stay (same received month, same facts); the finished-side rates are added.
    expect(replaced.deltas.map((d) => d.indicator).sort()).toEqual(['electronicResultRate', 'onTimeRate', 'onlinePaymentRate'].filter((i) => i !== 'onlinePaymentRate' || finished.feeTotal > 0).sort());
    const stale = applyDossierEvents(empty([], [], [replaced.save[0]]), [rec(received)]);
    expect(stale).toEqual({ save: [], deltas: [] });
  });
});
