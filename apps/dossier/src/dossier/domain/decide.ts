import type { WorkingCalendar } from '@hub/calendar';
import { DossierStatus } from '@hub/contracts';
import type { ChangeSource, DossierContent, DossierState, Notice, Pause, ProcedureTerms, StatusChange } from './dossier-state';
import { readClock } from './due-clock';
import { EventLog, type DossierEvent } from './events';
import { judgeNoticeOnTimeline, type NoticeInput } from './notices';
import { planRecordedSteps, type RecordStepsCommand } from './record-steps';
import { Reject, type Rejection } from './rejection';
import { finishingChange, isAllowedTransition, isPausing } from './status-machine';
import { checkNoticeTime, checkRecordTimes, planChanges, type PlannedChange } from './timeline';

export interface SyncCommand {
  kind: 'sync';
  code: string;
  version: number;
  /** Canonical hash of the record as sent (tells `unchanged` from `VERSION_CONFLICT`). */
  contentHash: string;
  content: DossierContent;
  notices: NoticeInput[];
  procedure: ProcedureTerms;
}
/** The hub's own online intake (status 1). */
export interface IntakeCommand {
  kind: 'intake';
  code: string;
  content: DossierContent;
  procedure: ProcedureTerms;
}
export interface WithdrawCommand {
  kind: 'withdraw';
  at: Date;
}
export interface SupplementCommand {
  kind: 'supplement';
  at: Date;
  note: string | null;
}
export interface IssueNoticeCommand {
  kind: 'issue-notice';
  notice: NoticeInput;
}
/** A calendar year arrived or changed: the due date is computed again. */
export interface RecomputeClockCommand {
  kind: 'recompute-clock';
}
export type DossierCommand = SyncCommand | IntakeCommand | WithdrawCommand | SupplementCommand | IssueNoticeCommand | RecomputeClockCommand | RecordStepsCommand;

export interface DecideContext {
  /** The receiving agency's calendar (national years + its closures); null when no year is loaded at all. */
  calendar: WorkingCalendar | null;
  now: Date;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'stale';
export type Decision = { outcome: Outcome; state: DossierState; events: DossierEvent[] } | { outcome: 'rejected'; rejection: Rejection };

const rejected = (rejection: Rejection): Decision => ({ outcome: 'rejected', rejection });
const HUB_SIGNATURE = 'Cổng Dịch vụ công quốc gia (hub)';

/** The one rule book of a dossier: state + command → next state and the events to append. Pure. */
export function decide(state: DossierState | null, command: DossierCommand, ctx: DecideContext): Decision {
  switch (command.kind) {
    case 'sync':
      return decideSync(state, command, ctx);
    case 'intake':
      return state ? rejected(Reject.versionConflict(0)) : applyChanges(null, { ...command, kind: 'sync', version: 0, contentHash: '', notices: [] }, [{ from: null, to: command.content.status, at: command.content.statusChangedAt, field: 'status' }], 'hub', ctx);
  }
  if (!state) throw new Error(`${command.kind} needs an existing dossier`);
  switch (command.kind) {
    case 'withdraw':
      return decideStatusChange(state, DossierStatus.Withdrawn, command.at, 'portal', ctx);
    case 'supplement':
      if (state.status !== DossierStatus.SupplementRequested) return rejected(Reject.supplementNotRequested(state.status));
      return { outcome: 'updated', state: { ...state, supplements: [...state.supplements, { at: command.at, note: command.note }] }, events: [] };
    case 'issue-notice':
      return decideNotice(state, command.notice, ctx);
    case 'record-steps':
      return decideRecordSteps(state, command, ctx);
    case 'recompute-clock': {
      const next = withClock(state, ctx.calendar);
      const same = next.dueAt?.getTime() === state.dueAt?.getTime() && next.dueDateState === state.dueDateState && next.timeliness === state.timeliness;
      return { outcome: same ? 'unchanged' : 'updated', state: next, events: [] };
    }
  }
}

function decideSync(state: DossierState | null, command: SyncCommand, ctx: DecideContext): Decision {
  if (state && command.version < state.version) return { outcome: 'stale', state, events: [] };
  if (state && command.version === state.version) {
    return command.contentHash === state.contentHash ? { outcome: 'unchanged', state, events: [] } : rejected(Reject.versionConflict(command.version));
  }
  const invalid = checkRecordTimes(command.code, command.content, command.notices.map((n) => n.issuedAt), ctx.now);
  if (invalid) return rejected(invalid);
  const changes = planChanges(state, command.content);
  if (!Array.isArray(changes)) return rejected(changes);
  return applyChanges(state, command, changes, 'sync', ctx);
}

function decideStatusChange(state: DossierState, to: DossierStatus, at: Date, source: ChangeSource, ctx: DecideContext): Decision {
  if (!isAllowedTransition(state.status, to)) return rejected(Reject.invalidTransition(state.status, to));
  const command: SyncCommand = {
    kind: 'sync',
    code: state.code,
    version: state.version,
    contentHash: state.contentHash,
    content: { ...state, status: to, statusChangedAt: at },
    notices: [],
    procedure: { code: state.procedureCode, version: state.procedureVersion, timeLimit: state.timeLimit },
  };
  return applyChanges(state, command, [{ from: state.status, to, at, field: 'status' }], source, ctx);
}

function decideNotice(state: DossierState, input: NoticeInput, ctx: DecideContext): Decision {
  const badTime = checkNoticeTime(state.receivedAt, input.issuedAt, ctx.now);
  if (badTime) return rejected(badTime);
  const judged = judgeNoticeOnTimeline(state, input, ctx.calendar, 'agency');
  if (judged.kind === 'rejected') return rejected(judged.rejection);
  if (judged.kind === 'known') return { outcome: 'unchanged', state, events: [] };
  const next = withClock({ ...state, notices: [...state.notices, judged.notice], extension: judged.extension ?? state.extension }, ctx.calendar);
  const log = new EventLog(state.revision);
  log.noticeIssued(next, judged.notice);
  return { outcome: 'updated', state: { ...next, revision: log.revision }, events: log.events };
}

/** Progress steps (record-steps.ts): added to the known ones; the later ones move the status. Version and content hash stay. */
function decideRecordSteps(state: DossierState, command: RecordStepsCommand, ctx: DecideContext): Decision {
  const plan = planRecordedSteps(state, command.steps, ctx.now);
  if ('code' in plan) return rejected(plan);
  if (plan.added === 0) return { outcome: 'unchanged', state, events: [] };
  const last = plan.changes.at(-1);
  const sync: SyncCommand = {
    kind: 'sync',
    code: state.code,
    version: state.version,
    contentHash: state.contentHash,
    content: { ...state, steps: plan.steps, status: last?.to ?? state.status, statusChangedAt: last?.at ?? state.statusChangedAt },
    notices: [],
    procedure: { code: state.procedureCode, version: state.procedureVersion, timeLimit: state.timeLimit },
  };
  return applyChanges(state, sync, plan.changes, 'sync', ctx);
}

/** Status changes move the pauses: leaving 5/6 ends the open pause, entering 5/6 opens one. */
function movePauses(pauses: readonly Pause[], changes: readonly StatusChange[]): Pause[] {
  const next = pauses.map((p) => ({ ...p }));
  for (const change of changes) {
    const open = next.find((p) => p.to === null);
    if (open && change.from !== null && isPausing(change.from)) open.to = change.at;
    if (isPausing(change.to)) next.push({ status: change.to, from: change.at, to: null, workingDays: null, workingMs: null });
  }
  return next;
}

/** The clock read again; the overdue watch's flag is cleared when the due date moved. */
function withClock(state: DossierState, calendar: WorkingCalendar | null): DossierState {
  const clock = readClock(state, calendar);
  const moved = clock.dueAt?.getTime() !== state.dueAt?.getTime();
  return { ...state, ...clock, dueState: moved ? null : state.dueState };
}

function applyChanges(state: DossierState | null, command: SyncCommand, planned: PlannedChange[], source: ChangeSource, ctx: DecideContext): Decision {
  const changes: StatusChange[] = planned.map((c) => ({ from: c.from, to: c.to, at: c.at, source, version: command.version }));
  const history = [...(state?.history ?? []), ...changes];
  let next: DossierState = {
    ...fresh(command, source),
    ...state,
    ...command.content,
    code: command.code,
    version: command.version,
    contentHash: command.contentHash,
    procedureCode: command.procedure.code,
    procedureVersion: command.procedure.version,
    timeLimit: command.procedure.timeLimit,
    status: changes.at(-1)?.to ?? state?.status ?? command.content.status,
    statusChangedAt: changes.at(-1)?.at ?? state?.statusChangedAt ?? command.content.statusChangedAt,
    history,
    pauses: movePauses(state?.pauses ?? [], changes),
    finishedAt: finishingChange(history)?.at ?? state?.finishedAt ?? null,
  };
  if (source === 'sync' && state && command.content.steps.length === 0) next.steps = state.steps;
  next = withClock(next, ctx.calendar);
  const added = addHubReceipt(next, changes);
  const notices = addNotices(next, command.notices, ctx, added);
  if (!Array.isArray(notices)) return rejected(notices);
  next = notices.length > 0 ? withClock({ ...next, notices: [...next.notices, ...notices.map((n) => n.notice)], extension: notices.find((n) => n.extension)?.extension ?? next.extension }, ctx.calendar) : next;
  return { outcome: state ? 'updated' : 'created', ...withEvents(state, next, changes, notices.map((n) => n.notice), source) };
}

function fresh(command: SyncCommand, source: ChangeSource): DossierState {
  // The content spread last (none of these fields overlap it): properties written after a spread take a slow path in
  // V8, ~2 µs apiece (docs/performance.md).
  return {
    code: command.code,
    version: command.version,
    contentHash: command.contentHash,
    revision: 0,
    procedureVersion: command.procedure.version,
    timeLimit: command.procedure.timeLimit,
    origin: source,
    dueAt: null,
    dueDateState: 'NOT_STARTED',
    pauses: [],
    extension: null,
    notices: [],
    history: [],
    finishedAt: null,
    timeliness: null,
    supplements: [],
    dueState: null,
    ...command.content,
  };
}

/** Form 01 by the hub when an online dossier it took in is accepted and the agency sent no receipt of its own. */
function addHubReceipt(state: DossierState, changes: readonly StatusChange[]): Notice | null {
  const accepted = changes.find((c) => c.to === DossierStatus.Accepted);
  if (state.origin !== 'hub' || !accepted || state.notices.some((n) => n.form === '01')) return null;
  return { form: '01', number: `${state.code}/01`, issuedAt: accepted.at, signedBy: HUB_SIGNATURE, reason: null, newDueAt: null, late: false, source: 'hub' };
}

function addNotices(state: DossierState, inputs: readonly NoticeInput[], ctx: DecideContext, hubReceipt: Notice | null): Array<{ notice: Notice; extension: DossierState['extension'] }> | Rejection {
  const added: Array<{ notice: Notice; extension: DossierState['extension'] }> = hubReceipt ? [{ notice: hubReceipt, extension: null }] : [];
  const ordered = inputs.map((input, i) => ({ input, i })).sort((a, b) => a.input.issuedAt.getTime() - b.input.issuedAt.getTime());
  for (const { input, i } of ordered) {
    const current = { notices: [...state.notices, ...added.map((a) => a.notice)], extension: added.find((a) => a.extension)?.extension ?? state.extension, dueAt: state.dueAt, history: state.history };
    const judged = judgeNoticeOnTimeline(current, input, ctx.calendar, 'agency', `notices.${i}.`);
    if (judged.kind === 'rejected') return judged.rejection;
    if (judged.kind === 'added') added.push({ notice: judged.notice, extension: judged.extension });
  }
  return added;
}

function withEvents(before: DossierState | null, state: DossierState, changes: StatusChange[], notices: Notice[], source: ChangeSource): { state: DossierState; events: DossierEvent[] } {
  const log = new EventLog(before?.revision ?? 0);
  for (const change of changes) {
    if (change.from === null) log.received(state, { ...change, from: null }, source);
    else log.statusChanged(state, { ...change, from: change.from });
  }
  for (const notice of notices) log.noticeIssued(state, notice);
  return { state: { ...state, revision: log.revision }, events: log.events };
}
