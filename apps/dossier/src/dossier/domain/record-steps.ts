import type { DossierStatus } from '@hub/contracts';
import type { DossierState, Step } from './dossier-state';
import { mergeSteps, stepIdentity } from './hub-ordered';
import { Reject, type Rejection } from './rejection';
import { isAllowedTransition } from './status-machine';
import { FUTURE_TOLERANCE_MS, type PlannedChange } from './timeline';

/** Progress steps an agency system reports for one dossier, in any order, possibly repeated across calls. */
export interface RecordStepsCommand {
  kind: 'record-steps';
  steps: Step[];
}

export interface RecordedSteps {
  /** Every step known afterwards, in time order. */
  steps: Step[];
  /** The status changes the new steps make, in time order. */
  changes: PlannedChange[];
  added: number;
}

/**
 * New steps (not known by time, status and content) are added; in time order, each one later than the last known
 * status change moves the status through the machine. A step older than that is history only: it is recorded
 * but does not move the status back. Every new step lies between receipt and now (+5 min). Pure.
 */
export function planRecordedSteps(state: DossierState, incoming: readonly Step[], now: Date): RecordedSteps | Rejection {
  const known = new Set(state.steps.map(stepIdentity));
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  const fresh: Array<{ step: Step; index: number }> = [];
  for (const [index, step] of incoming.entries()) {
    const key = stepIdentity(step);
    if (known.has(key)) continue;
    known.add(key);
    if (step.at.getTime() > limit) return Reject.timeInFuture(`steps.${index}.at`);
    if (step.at.getTime() < state.receivedAt.getTime()) return Reject.timeOutOfOrder(`steps.${index}.at`, 'before receivedAt');
    fresh.push({ step, index });
  }
  fresh.sort((a, b) => a.step.at.getTime() - b.step.at.getTime() || a.index - b.index);
  const changes: PlannedChange[] = [];
  let current: DossierStatus = state.status;
  let lastAt = state.statusChangedAt.getTime();
  for (const { step, index } of fresh) {
    if (step.status === current || step.at.getTime() < lastAt) continue;
    if (!isAllowedTransition(current, step.status)) return Reject.invalidTransition(current, step.status, `steps.${index}.status`);
    changes.push({ from: current, to: step.status, at: step.at, field: `steps.${index}.status` });
    current = step.status;
    lastAt = step.at.getTime();
  }
  return { steps: mergeSteps(state.steps, fresh.map((f) => f.step)), changes, added: fresh.length };
}
