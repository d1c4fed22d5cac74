import type { DossierReceivedV1, DossierStatusChangedV1 } from '@hub/contracts';
import type { DossierIndexFacts } from './contributions';

/** The index's copy of a dossier: its latest known facts and the revision they come from. */
export interface IndexedDossier extends Omit<DossierIndexFacts, 'paidOnline'> {
  readonly dossierCode: string;
  readonly revision: number;
  readonly status: number;
}

const FINISHED_STATUSES: readonly number[] = [9, 10];

export type DossierEvent = { kind: 'received'; payload: DossierReceivedV1 } | { kind: 'status-changed'; payload: DossierStatusChangedV1 };

/**
 * The dossier's next state in the index, or null when the event is not newer than what is held (the latest
 * known state decides; a replayed or late event never moves the counters back). A dossier first seen already
 * finished (a back-filled counter dossier) is finished when its received event says (`finishedAt`, else its
 * `statusChangedAt`), with the verdict the event carries; an older event without one counts as not on time until a
 * status change says otherwise.
 */
export function nextIndexedDossier(current: IndexedDossier | null, event: DossierEvent): IndexedDossier | null {
  const p = event.payload;
  if (current && p.revision <= current.revision) return null;
  const status = event.kind === 'received' ? event.payload.status : event.payload.to;
  const finished = FINISHED_STATUSES.includes(status);
  const finishedAt = !finished
    ? null
    : new Date((event.kind === 'received' ? event.payload.finishedAt ?? event.payload.statusChangedAt : event.payload.finishedAt ?? event.payload.at));
  return {
    dossierCode: p.dossierCode,
    revision: p.revision,
    status,
    agencyCode: p.receivingAgencyCode,
    receivedAt: new Date(p.receivedAt),
    channel: p.channel,
    documentsDigitised: p.documentsDigitised,
    finishedAt,
    timeliness: finished ? event.payload.timeliness ?? null : null,
    resultElectronic: p.resultElectronic,
    feeTotal: p.feeTotal,
  };
}

/** When the status of the event was reached, to judge how fast it reached the hub. */
export function statusChangedAt(event: DossierEvent): Date {
  return new Date(event.kind === 'received' ? event.payload.statusChangedAt : event.payload.at);
}
