import type { SyncCommand } from './decide';
import type { DossierState, Step } from './dossier-state';

/** What a hub-ordered sync record left out: the hub fills it in from the stored state (resolveHubOrdered). */
export interface HubOrdered {
  version: boolean;
  statusChangedAt: boolean;
}

/** A step is the same step when its time, status and content are: systems re-send their whole progress. */
export const stepIdentity = (s: Step): string => `${s.at.getTime()}|${s.status}|${s.content ?? ''}`;

const statusAt = (s: Step): string => `${s.at.getTime()}|${s.status}`;
/** A step that says nothing but its time and status (a status marker), e.g. the change to 9 a snapshot implies. */
const isBare = (s: Step): boolean => s.content === null && s.handledBy === null && s.position === null && s.unit === null;

/**
 * The known steps and the new ones, without duplicates, in time order (stable for equal times). A bare step adds
 * nothing when a step of the same time and status is known.
 */
export function mergeSteps(known: readonly Step[], incoming: readonly Step[]): Step[] {
  const seen = new Set(known.map(stepIdentity));
  const times = new Set(known.map(statusAt));
  const added = incoming.filter((s) => {
    const key = stepIdentity(s);
    if (seen.has(key) || (isBare(s) && times.has(statusAt(s)))) return false;
    seen.add(key);
    return true;
  });
  return [...known, ...added].map((s, i) => ({ s, i })).sort((a, b) => a.s.at.getTime() - b.s.at.getTime() || a.i - b.i).map(({ s }) => s);
}

/**
 * A record sent without `version` takes the hub's arrival order: the stored version for the same record again
 * (unchanged), the stored version + 1 for anything new, 1 on first sight; its steps are added to the known ones.
 * Without `statusChangedAt`, an unchanged status keeps its stored time; a new one takes receivedAt on first sight
 * and the hub's arrival time later. Pure.
 */
export function resolveHubOrdered(command: SyncCommand, missing: HubOrdered, state: DossierState | null, now: Date): SyncCommand {
  let content = command.content;
  if (missing.statusChangedAt) {
    const at = !state ? content.receivedAt : state.status === content.status ? state.statusChangedAt : now;
    content = { ...content, statusChangedAt: at };
  }
  if (!missing.version) return { ...command, content };
  if (state) content = { ...content, steps: mergeSteps(state.steps, content.steps) };
  const version = !state ? 1 : state.contentHash === command.contentHash ? state.version : state.version + 1;
  return { ...command, version, content };
}
