import type { DossierState, Extension, Notice, Pause, Step, StatusChange } from './domain/dossier-state';
import { supplementOf } from './supplements';
import type { DossierEntity, DossierNoticeEntity, DossierStatusHistoryEntity } from './dossier.entity';

type Json = Record<string, unknown>;
const date = (v: unknown): Date => new Date(v as string);
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

function pauseOf(p: Json): Pause {
  return { status: p.status as Pause['status'], from: date(p.from), to: dateOrNull(p.to), workingDays: (p.workingDays as number | null) ?? null, workingMs: (p.workingMs as number | null) ?? null };
}

function extensionOf(e: Json | null): Extension | null {
  if (!e) return null;
  return { noticeNumber: e.noticeNumber as string, issuedAt: date(e.issuedAt), previousDueAt: date(e.previousDueAt), newDueAt: date(e.newDueAt), late: Boolean(e.late) };
}

export function noticeOf(n: DossierNoticeEntity): Notice {
  return { form: n.form as Notice['form'], number: n.number, issuedAt: n.issuedAt, signedBy: n.signedBy, reason: n.reason, newDueAt: n.newDueAt, late: n.late, source: n.source };
}

export function changeOf(h: DossierStatusHistoryEntity): StatusChange {
  return { from: h.fromStatus, to: h.toStatus, at: h.at, source: h.source, version: h.version };
}

/** The domain state of a stored dossier (its history and notices in order). */
export function stateOf(row: DossierEntity, history: StatusChange[], notices: Notice[]): DossierState {
  return {
    code: row.code,
    version: row.version,
    contentHash: row.contentHash,
    revision: row.revision,
    procedureCode: row.procedureCode,
    procedureVersion: row.procedureVersion,
    timeLimit: row.timeLimit,
    receivingAgencyCode: row.receivingAgencyCode,
    channel: row.channel,
    status: row.status,
    receivedAt: row.receivedAt,
    statusChangedAt: row.statusChangedAt,
    applicant: row.applicant,
    summary: row.summary,
    appointmentAt: row.appointmentAt,
    steps: (row.steps as Json[]).map((s): Step => ({ ...(s as unknown as Step), at: date(s.at) })),
    documents: row.documents as DossierState['documents'],
    fees: row.fees as DossierState['fees'],
    results: row.results as DossierState['results'],
    origin: row.source,
    dueAt: row.dueAt,
    dueDateState: row.dueDateState,
    dueState: row.dueState,
    pauses: (row.pauses as Json[]).map(pauseOf),
    extension: extensionOf(row.extension as Json | null),
    notices,
    history,
    finishedAt: row.finishedAt,
    timeliness: row.timeliness,
    supplements: (row.supplements as Json[]).map(supplementOf),
  };
}

/** The row of a state; `identity` are the columns the domain does not own. */
export function rowOf(state: DossierState, identity: Pick<DossierEntity, 'submittedBy' | 'lookupKeyHash' | 'submittedAt' | 'updatedAt'>): DossierEntity {
  // Spread last: V8 (Node 20) defines each property written after a spread through a slow path, ~2 µs apiece, which
  // made this row cost ~60 µs (docs/performance.md).
  return {
    code: state.code,
    procedureCode: state.procedureCode,
    procedureVersion: state.procedureVersion,
    receivingAgencyCode: state.receivingAgencyCode,
    channel: state.channel,
    status: state.status,
    applicant: state.applicant,
    summary: state.summary,
    version: state.version,
    contentHash: state.contentHash,
    revision: state.revision,
    source: state.origin === 'sync' ? 'sync' : 'hub',
    receivedAt: state.receivedAt,
    statusChangedAt: state.statusChangedAt,
    appointmentAt: state.appointmentAt,
    timeLimit: state.timeLimit,
    dueAt: state.dueAt,
    dueDateState: state.dueDateState,
    dueState: state.dueState,
    pauses: state.pauses,
    extension: state.extension,
    finishedAt: state.finishedAt,
    timeliness: state.timeliness,
    steps: state.steps,
    documents: state.documents,
    fees: state.fees,
    results: state.results,
    supplements: state.supplements,
    ...identity,
  };
}

/** History rows of the changes a state has beyond the first `known` (numbered from known + 1). */
export function historyRowsOf(state: DossierState, known: number): DossierStatusHistoryEntity[] {
  return state.history.slice(known).map((c, i) => ({
    dossierCode: state.code,
    seq: known + i + 1,
    fromStatus: c.from,
    toStatus: c.to,
    at: c.at,
    source: c.source,
    version: c.version,
  }));
}
