import { localDateOf } from '@hub/calendar';
import type { DossierStatus } from '@hub/contracts';
import type { DossierContent, DossierState, Step } from './dossier-state';
import { Reject, type Rejection } from './rejection';
import { isAllowedTransition } from './status-machine';

/** Times may be at most this far ahead of the hub's clock (clock skew between systems). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** A status change a record carries, with the field that carried it (for the problem). */
export interface PlannedChange {
  from: DossierStatus | null;
  to: DossierStatus;
  at: Date;
  field: string;
}

/** `YYMMDD` of the local (Asia/Ho_Chi_Minh) day of an instant. */
export function codeDate(at: Date): string {
  return localDateOf(at).slice(2).replaceAll('-', '');
}

/**
 * The record's own checks: the code belongs to the receiving agency and is dated on the local day of
 * `receivedAt`; every time is on the dossier's timeline (receipt first, steps in order) and not in the future.
 */
export function checkRecordTimes(code: string, content: DossierContent, noticeTimes: readonly Date[], now: Date): Rejection | null {
  const prefix = `${content.receivingAgencyCode}-`;
  if (!code.startsWith(prefix)) return Reject.codeAgencyMismatch(code, content.receivingAgencyCode);
  const expected = codeDate(content.receivedAt);
  if (code.slice(prefix.length, prefix.length + 6) !== expected) return Reject.codeDateMismatch(code, expected);
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  const times: Array<[string, Date]> = [
    ['receivedAt', content.receivedAt],
    ['statusChangedAt', content.statusChangedAt],
    ...content.steps.map((s, i): [string, Date] => [`steps.${i}.at`, s.at]),
    ...noticeTimes.map((t, i): [string, Date] => [`notices.${i}.issuedAt`, t]),
  ];
  for (const [field, at] of times) if (at.getTime() > limit) return Reject.timeInFuture(field);
  const received = content.receivedAt.getTime();
  if (content.statusChangedAt.getTime() < received) return Reject.timeOutOfOrder('statusChangedAt', 'before receivedAt');
  for (const [i, t] of noticeTimes.entries()) if (t.getTime() < received) return Reject.timeOutOfOrder(`notices.${i}.issuedAt`, 'before receivedAt');
  let previous = received;
  for (const [i, step] of content.steps.entries()) {
    if (step.at.getTime() < received) return Reject.timeOutOfOrder(`steps.${i}.at`, 'before receivedAt');
    if (step.at.getTime() < previous) return Reject.timeOutOfOrder(`steps.${i}.at`, 'before the previous step');
    previous = step.at.getTime();
  }
  return null;
}

/** A notice recorded on its own (`POST .../notices`): on the dossier's timeline and not in the future. */
export function checkNoticeTime(receivedAt: Date, issuedAt: Date, now: Date): Rejection | null {
  if (issuedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return Reject.timeInFuture('issuedAt');
  if (issuedAt.getTime() < receivedAt.getTime()) return Reject.timeOutOfOrder('issuedAt', 'before receivedAt');
  return null;
}

const stepKey = (s: Step): string => `${s.at.getTime()}|${s.status}`;

/**
 * The status changes a record carries, in order: each step not already known that changes the status, then the
 * record's own status. First sight starts anywhere; every later change must be allowed from the last known status.
 */
export function planChanges(state: DossierState | null, content: DossierContent): PlannedChange[] | Rejection {
  const known = new Set((state?.steps ?? []).map(stepKey));
  const changes: PlannedChange[] = [];
  let current: DossierStatus | null = state?.status ?? null;
  let lastAt = state ? state.statusChangedAt.getTime() : Number.NEGATIVE_INFINITY;
  const moves = [
    ...content.steps.map((s, i) => ({ to: s.status, at: s.at, field: `steps.${i}`, known: known.has(stepKey(s)) })).filter((m) => !m.known),
    { to: content.status, at: content.statusChangedAt, field: '', known: false },
  ];
  for (const move of moves) {
    if (move.to === current) continue;
    const statusField = move.field ? `${move.field}.status` : 'status';
    if (current !== null) {
      if (move.at.getTime() < lastAt) return Reject.timeOutOfOrder(move.field ? `${move.field}.at` : 'statusChangedAt', 'before the last known status change');
      if (!isAllowedTransition(current, move.to)) return Reject.invalidTransition(current, move.to, statusField);
    }
    changes.push({ from: current, to: move.to, at: move.at, field: statusField });
    current = move.to;
    lastAt = move.at.getTime();
  }
  return changes;
}
