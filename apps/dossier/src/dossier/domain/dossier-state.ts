import type { CompletionClass, TimeLimitUnit } from '@hub/calendar';
import type { Channel, DossierStatus } from '@hub/contracts';

export type ChangeSource = 'sync' | 'portal' | 'hub';
export type NoticeSource = 'agency' | 'hub';
export type DueDateState = 'NOT_STARTED' | 'SET' | 'CALENDAR_MISSING';
/** Flag set by the overdue watch. */
export type DueState = 'DUE_SOON' | 'OVERDUE';
export type NoticeForm = '01' | '02' | '03' | '04' | '05';
export const NOTICE_FORMS: readonly NoticeForm[] = ['01', '02', '03', '04', '05'];

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** Time spent in status 5 or 6; `to` is null while the dossier is still paused. */
export interface Pause {
  status: DossierStatus;
  from: Date;
  to: Date | null;
  /** Whole working days covered (filled when the pause ends and the calendar knows those days). */
  workingDays: number | null;
  workingMs: number | null;
}

/** A notice as the agency records it (the POST body or a sync record's `notices[]`, times parsed). */
export interface NoticeInput {
  form: NoticeForm;
  number: string;
  issuedAt: Date;
  signedBy: string;
  reason: string | null;
  newDueAt: Date | null;
}

/** A notice as the hub keeps it: what was recorded, judged. */
export interface Notice extends NoticeInput {
  /** Form 04 issued less than one working day before the due date it replaces. */
  late: boolean;
  /** Who recorded it: the agency (sync or POST) or the hub (form 01 of online dossiers it took in). */
  source: NoticeSource;
}

export interface Extension {
  noticeNumber: string;
  issuedAt: Date;
  previousDueAt: Date;
  newDueAt: Date;
  late: boolean;
}

export interface StatusChange {
  from: DossierStatus | null;
  to: DossierStatus;
  at: Date;
  source: ChangeSource;
  /** The sync version that carried it (0 for the hub's own changes). */
  version: number;
}

export interface Step {
  at: Date;
  status: DossierStatus;
  handledBy: string | null;
  position: string | null;
  unit: string | null;
  content: string | null;
}

export interface DocumentLine {
  /** The sending system's id of the document, when it has one (documents are identified by it, never by URL). */
  id?: string;
  componentCode?: string;
  name: string;
  copies: number;
  digitised: boolean;
}
export interface FeeLine {
  code: string;
  name: string;
  amount: number;
}
export interface ResultLine {
  name: string;
  number: string | null;
  electronic: boolean;
}
export interface Applicant {
  fullName: string;
  /** Required at online intake; agency systems may sync dossiers without it. */
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/** What a sync record (or the hub's intake) says about a dossier, times parsed, status already national. */
export interface DossierContent {
  procedureCode: string;
  receivingAgencyCode: string;
  channel: Channel;
  status: DossierStatus;
  receivedAt: Date;
  statusChangedAt: Date;
  applicant: Applicant;
  summary: string | null;
  appointmentAt: Date | null;
  steps: Step[];
  documents: DocumentLine[];
  fees: FeeLine[];
  results: ResultLine[];
}

/** The procedure version in force at receipt, as far as the clock needs it. */
export interface ProcedureTerms {
  code: string;
  version: number;
  timeLimit: TimeLimit | null;
}

/** The hub's national record of one dossier. */
export interface DossierState extends DossierContent {
  code: string;
  /** Highest sync version applied (0: only the hub's own intake so far). */
  version: number;
  /** SHA-256 of the canonical content of `version`, to tell `unchanged` from `VERSION_CONFLICT`. */
  contentHash: string;
  /** Bumped with every event, so read models apply only-if-newer. */
  revision: number;
  procedureVersion: number;
  timeLimit: TimeLimit | null;
  /** Where the dossier was first seen: the hub's intake or an agency system's sync. */
  origin: ChangeSource;
  dueAt: Date | null;
  dueDateState: DueDateState;
  pauses: Pause[];
  extension: Extension | null;
  notices: Notice[];
  history: StatusChange[];
  finishedAt: Date | null;
  timeliness: CompletionClass | null;
  supplements: Array<{ at: Date; note: string | null }>;
  dueState: DueState | null;
}
