import { formatInZone } from '@hub/calendar';
import {
  DossierStatus,
  type DossierDueWatchV1,
  type DossierFactsV1,
  type DossierNoticeIssuedV1,
  type DossierReceivedV1,
  type DossierStatusChangedV1,
} from '@hub/contracts';
import type { ChangeSource, DossierState, Notice, StatusChange } from './dossier-state';

/** What a decision asks the use case to append to the outbox, in order. */
export type DossierEvent =
  | { type: 'received'; payload: DossierReceivedV1 }
  | { type: 'status-changed'; payload: DossierStatusChangedV1 }
  | { type: 'notice-issued'; payload: DossierNoticeIssuedV1 }
  | { type: 'due-soon'; payload: DossierDueWatchV1 }
  | { type: 'overdue'; payload: DossierDueWatchV1 };

const iso = (d: Date | null): string | null => (d ? formatInZone(d) : null);

export function feeTotal(state: Pick<DossierState, 'fees'>): number {
  return state.fees.reduce((sum, f) => sum + f.amount, 0);
}

export function resultElectronic(state: Pick<DossierState, 'results'>): boolean {
  return state.results.some((r) => r.electronic);
}

export function documentsDigitised(state: Pick<DossierState, 'documents'>): boolean {
  return state.documents.length > 0 && state.documents.every((d) => d.digitised);
}

/** A change to 9 or 10 of a finished dossier: the finishing change itself (status-machine `finishingChange`) or the return after it. */
function finishedBy(state: Pick<DossierState, 'finishedAt'>, to: DossierStatus): boolean {
  return state.finishedAt !== null && (to === DossierStatus.Finished || to === DossierStatus.Returned);
}

function facts(state: DossierState, revision: number): DossierFactsV1 {
  return {
    dossierCode: state.code,
    procedureCode: state.procedureCode,
    procedureVersion: state.procedureVersion,
    receivingAgencyCode: state.receivingAgencyCode,
    channel: state.channel,
    receivedAt: formatInZone(state.receivedAt),
    dueAt: iso(state.dueAt),
    dueDateState: state.dueDateState,
    feeTotal: feeTotal(state),
    resultElectronic: resultElectronic(state),
    documentsDigitised: documentsDigitised(state),
    revision,
  };
}

/** Numbers the events of one decision after the state's revision and stores the last one in the state. */
export class EventLog {
  readonly events: DossierEvent[] = [];
  constructor(private readonly base: number) {}

  get revision(): number {
    return this.base + this.events.length;
  }

  received(state: DossierState, first: StatusChange & { from: null }, source: ChangeSource): void {
    // The facts spread last, here and below: properties written after a spread take a slow path in V8 (docs/performance.md).
    const payload = {
      status: first.to,
      statusChangedAt: formatInZone(first.at),
      source,
      // First seen finished (9, or 10 with 9 skipped): the verdict comes with the first sight.
      ...(finishedBy(state, first.to) ? { timeliness: state.timeliness, finishedAt: iso(state.finishedAt) } : {}),
      ...facts(state, this.revision + 1),
    };
    this.events.push({ type: 'received', payload });
  }

  statusChanged(state: DossierState, change: StatusChange & { from: DossierStatus }): void {
    const finished = finishedBy(state, change.to);
    this.events.push({
      type: 'status-changed',
      payload: {
        from: change.from,
        to: change.to,
        at: formatInZone(change.at),
        source: change.source,
        timeliness: finished ? state.timeliness : null,
        finishedAt: finished ? iso(state.finishedAt) : null,
        // The payment service opens a fee request from the lines the agency synced with status 6.
        ...(change.to === 6 ? { fees: state.fees.map((f) => ({ code: f.code, name: f.name, amount: f.amount })) } : {}),
        ...facts(state, this.revision + 1),
      },
    });
  }

  noticeIssued(state: DossierState, notice: Notice): void {
    this.events.push({
      type: 'notice-issued',
      payload: {
        dossierCode: state.code,
        receivingAgencyCode: state.receivingAgencyCode,
        form: notice.form,
        number: notice.number,
        issuedAt: formatInZone(notice.issuedAt),
        newDueAt: iso(notice.newDueAt),
        late: notice.late,
        dueAt: iso(state.dueAt),
        revision: this.revision + 1,
      },
    });
  }
}

export function watchPayload(state: DossierState, dueAt: Date, now: Date): DossierDueWatchV1 {
  return {
    dossierCode: state.code,
    procedureCode: state.procedureCode,
    receivingAgencyCode: state.receivingAgencyCode,
    status: state.status,
    dueAt: formatInZone(dueAt),
    flaggedAt: formatInZone(now),
  };
}
