import { formatInZone } from '@hub/calendar';
import type { ResultLine, Step } from './domain/dossier-state';

/**
 * What an agency system may say about a progress step beyond what the domain judges: when the step started and the
 * end its own rules set for it (`NgayBatDau` / `NgayKetThucTheoQuyDinh` of the national vocabulary). Informative only:
 * they do not identify a step (time, status and content do, so the first report of a step keeps its terms), move no
 * status and set no due date (the hub computes the dossier's own). The domain carries steps as they are; the terms
 * ride in the same steps JSON column as ISO instants.
 */
export interface StepTerms {
  startedAt?: string;
  dueAt?: string;
}
export type StepWithTerms = Step & StepTerms;

/** A result document with the sending system's id (`GiayToId`), which identifies it across re-sends (never its URL). */
export type ResultWithId = ResultLine & { id?: string };

/** The terms of a validated step (instants with an offset) as stored: UTC ISO instants; absent ones left out. */
export function stepTermsOf(step: { startedAt?: string; dueAt?: string }): StepTerms {
  return {
    ...(step.startedAt ? { startedAt: new Date(step.startedAt).toISOString() } : {}),
    ...(step.dueAt ? { dueAt: new Date(step.dueAt).toISOString() } : {}),
  };
}

/** A stored step as the API shows it: times in Asia/Ho_Chi_Minh, terms null when the system sent none. */
export function stepViewOf(step: StepWithTerms) {
  return {
    ...step,
    at: formatInZone(step.at),
    startedAt: step.startedAt ? formatInZone(new Date(step.startedAt)) : null,
    dueAt: step.dueAt ? formatInZone(new Date(step.dueAt)) : null,
  };
}
