import { CalendarMissingError, type CompletionClass, type WorkingCalendar } from '@hub/calendar';
import { DossierStatus } from '@hub/contracts';
import type { DueDateState, Extension, Pause, StatusChange, TimeLimit } from './dossier-state';

export interface ClockInput {
  receivedAt: Date;
  timeLimit: TimeLimit | null;
  history: readonly StatusChange[];
  pauses: readonly Pause[];
  extension: Extension | null;
  finishedAt: Date | null;
}

export interface ClockReading {
  dueAt: Date | null;
  dueDateState: DueDateState;
  /** The pauses with the working time they covered (unchanged when the calendar misses a year). */
  pauses: Pause[];
  timeliness: CompletionClass | null;
}

/**
 * The clock starts when the dossier reaches status 2, or when the hub first sees it at a later status. A dossier
 * refused (3) or withdrawn (7) straight from status 1 never starts it.
 */
export function clockStarted(history: readonly StatusChange[]): boolean {
  return history.some(
    (c) => c.to !== DossierStatus.Submitted && !(c.from === DossierStatus.Submitted && (c.to === DossierStatus.Refused || c.to === DossierStatus.Withdrawn)),
  );
}

/**
 * The hub's due date, from scratch: the time limit counted from the effective receipt on the agency's calendar
 * (`@hub/calendar` rules), each finished pause moving it later by what it covered, the one extension replacing it
 * from the moment it was issued (pauses after it move the new date). A missing calendar year leaves it empty.
 */
export function readClock(input: ClockInput, calendar: WorkingCalendar | null): ClockReading {
  const unchanged: ClockReading = { dueAt: null, dueDateState: 'NOT_STARTED', pauses: [...input.pauses], timeliness: null };
  if (!input.timeLimit || !clockStarted(input.history)) return unchanged;
  if (!calendar) return { ...unchanged, dueDateState: 'CALENDAR_MISSING' };
  try {
    const { amount, unit } = input.timeLimit;
    let dueAt = calendar.dueDate(input.receivedAt, amount, unit).dueAt;
    const pauses = input.pauses.map((p) => (p.to ? { ...p, ...calendar.pauseCoverage(p.from, p.to) } : { ...p }));
    const moves = [
      ...pauses.filter((p): p is Pause & { to: Date } => p.to !== null).map((p) => ({ at: p.to, apply: (d: Date) => calendar.pauseShift(d, p.from, p.to, unit) })),
      ...(input.extension ? [{ at: input.extension.issuedAt, apply: () => (input.extension as Extension).newDueAt }] : []),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const move of moves) dueAt = move.apply(dueAt);
    const timeliness = input.finishedAt ? calendar.classifyCompletion(input.finishedAt, dueAt) : null;
    return { dueAt, dueDateState: 'SET', pauses, timeliness };
  } catch (error) {
    if (error instanceof CalendarMissingError) return { ...unchanged, dueDateState: 'CALENDAR_MISSING' };
    throw error;
  }
}

/**
 * Decree 61/2018: the apology must come at the latest one working day before the due date. Issued with less than
 * one whole working day of working time left (or after the due date), it is accepted but late.
 */
export function isLateApology(calendar: WorkingCalendar | null, issuedAt: Date, dueAt: Date): boolean {
  if (issuedAt.getTime() >= dueAt.getTime()) return true;
  if (!calendar) return false;
  try {
    return calendar.pauseCoverage(issuedAt, dueAt).workingDays < 1;
  } catch (error) {
    if (error instanceof CalendarMissingError) return false;
    throw error;
  }
}

/** Due within one working day (not finished): the working time left is less than one whole working day. */
export function isDueSoon(calendar: WorkingCalendar, now: Date, dueAt: Date): boolean {
  if (now.getTime() > dueAt.getTime()) return false;
  try {
    return calendar.pauseCoverage(now, dueAt).workingDays < 1;
  } catch (error) {
    if (error instanceof CalendarMissingError) return false;
    throw error;
  }
}
