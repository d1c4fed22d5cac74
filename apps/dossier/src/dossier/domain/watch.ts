import type { WorkingCalendar } from '@hub/calendar';
import type { DossierState } from './dossier-state';
import { isDueSoon } from './due-clock';
import { watchPayload, type DossierEvent } from './events';
import { isClosed, isPausing } from './status-machine';

/**
 * The overdue watch: a running dossier (not finished, not paused) is flagged DUE_SOON within one working day of its
 * due date and OVERDUE after it, each once (a flag is cleared only when the due date moves). Null: nothing to do.
 */
export function watchDue(state: DossierState, now: Date, calendar: WorkingCalendar): { state: DossierState; events: DossierEvent[] } | null {
  const dueAt = state.dueAt;
  if (!dueAt || isClosed(state.status) || isPausing(state.status) || state.dueState === 'OVERDUE') return null;
  if (now.getTime() > dueAt.getTime()) {
    return { state: { ...state, dueState: 'OVERDUE' }, events: [{ type: 'overdue', payload: watchPayload(state, dueAt, now) }] };
  }
  if (state.dueState === null && isDueSoon(calendar, now, dueAt)) {
    return { state: { ...state, dueState: 'DUE_SOON' }, events: [{ type: 'due-soon', payload: watchPayload(state, dueAt, now) }] };
  }
  return null;
}
