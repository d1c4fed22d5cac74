import type { WorkingCalendar } from '@hub/calendar';
import { DossierStatus } from '@hub/contracts';
import type { DossierState, Extension, Notice, NoticeForm, NoticeInput, NoticeSource, StatusChange } from './dossier-state';
import { isLateApology } from './due-clock';
import { Reject, type Rejection } from './rejection';

export type { NoticeInput } from './dossier-state';

/** The status a notice of each form is issued in (hub rule after Circular 01/2018 and 03/2025). */
export const NOTICE_FITS: Readonly<Record<NoticeForm, readonly DossierStatus[]>> = {
  '01': [DossierStatus.Accepted],
  '02': [DossierStatus.SupplementRequested],
  '03': [DossierStatus.Refused],
  // The apology and new appointment: while the clock runs or is paused, never after the end.
  '04': [DossierStatus.Accepted, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.FeeRequested],
  '05': [DossierStatus.Stopped],
};

/** The status the dossier was in at `at`, as far as the hub knows its history (null: before anything known). */
export function statusAt(history: readonly StatusChange[], at: Date): DossierStatus | null {
  let status: DossierStatus | null = null;
  for (const change of history) {
    if (change.at.getTime() <= at.getTime()) status = change.to;
  }
  return status;
}

/**
 * The one rule for a notice, whichever way it comes (a sync record's `notices[]` or `POST .../notices`): judged
 * against the status the dossier was in when it was issued, as far as the hub knows its history, not the status now.
 */
export function judgeNoticeOnTimeline(
  state: Pick<DossierState, 'notices' | 'extension' | 'dueAt' | 'history'>,
  input: NoticeInput,
  calendar: WorkingCalendar | null,
  source: NoticeSource,
  fieldPrefix = '',
): NoticeDecision {
  return judgeNotice(state, input, statusAt(state.history, input.issuedAt), calendar, source, fieldPrefix);
}

export type NoticeDecision = { kind: 'added'; notice: Notice; extension: Extension | null } | { kind: 'known' } | { kind: 'rejected'; rejection: Rejection };

function sameNotice(a: Notice, b: NoticeInput): boolean {
  return (
    a.issuedAt.getTime() === b.issuedAt.getTime() &&
    a.signedBy === b.signedBy &&
    a.reason === b.reason &&
    (a.newDueAt?.getTime() ?? null) === (b.newDueAt?.getTime() ?? null)
  );
}

/**
 * Judges one notice against the dossier: notices are only ever added (one with the same form and number is
 * already known, or conflicts), the form must fit the status it was issued in (when the hub knows it), and a
 * form 04 is the one extension: later than the current due date, late when issued less than a working day before.
 */
export function judgeNotice(
  state: Pick<DossierState, 'notices' | 'extension' | 'dueAt'>,
  input: NoticeInput,
  issuedInStatus: DossierStatus | null,
  calendar: WorkingCalendar | null,
  source: NoticeSource,
  fieldPrefix = '',
): NoticeDecision {
  const existing = state.notices.find((n) => n.form === input.form && n.number === input.number);
  if (existing) {
    return sameNotice(existing, input) ? { kind: 'known' } : { kind: 'rejected', rejection: Reject.noticeNumberTaken(input.form, input.number, `${fieldPrefix}number`) };
  }
  if (issuedInStatus !== null && !NOTICE_FITS[input.form].includes(issuedInStatus)) {
    return { kind: 'rejected', rejection: Reject.noticeStatusMismatch(input.form, issuedInStatus, `${fieldPrefix}form`) };
  }
  const base: Notice = { ...input, newDueAt: input.form === '04' ? input.newDueAt : null, late: false, source };
  if (input.form !== '04') return { kind: 'added', notice: base, extension: null };
  if (state.extension) return { kind: 'rejected', rejection: Reject.extensionAlreadyUsed(`${fieldPrefix}form`) };
  const newDueAt = input.newDueAt as Date;
  const dueAt = state.dueAt;
  if (dueAt && newDueAt.getTime() <= dueAt.getTime()) {
    return { kind: 'rejected', rejection: Reject.extensionNotLater(dueAt.toISOString(), `${fieldPrefix}newDueAt`) };
  }
  const late = dueAt ? isLateApology(calendar, input.issuedAt, dueAt) : false;
  const notice = { ...base, late };
  // With no due date known yet (calendar missing), the new appointment still stands; lateness cannot be judged.
  const extension: Extension = { noticeNumber: input.number, issuedAt: input.issuedAt, previousDueAt: dueAt ?? newDueAt, newDueAt, late };
  return { kind: 'added', notice, extension };
}
