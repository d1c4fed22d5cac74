import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { FeeLineV1 } from './catalogue.events';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '../codes/codes';
import { DOSSIER_STATUSES, DossierStatus, FEE_CHANNELS, type Channel } from '../codes/dossier-status';
import { defineEvent } from '../event-definition';
import { IsInstant } from '../validation/is-instant';

/**
 * A dossier entered the hub (status 1, submitted online). Carries no personal data.
 * @deprecated Retired: online intake announces itself with `dossier.received.v1` (source `hub`, status 1), which
 * every former consumer now reads. Kept (and published, marked deprecated) because a published version never
 * disappears silently; nothing produces it any more.
 */
export class DossierSubmittedV1 {
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(PROCEDURE_CODE_PATTERN) procedureCode!: string;
  @IsInt() @Min(1) procedureVersion!: number;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(FEE_CHANNELS) channel!: Channel;
  @IsIn([DossierStatus.Submitted]) status!: DossierStatus.Submitted;
  @IsInstant() submittedAt!: string;
}

/** @deprecated Retired in favour of `DossierReceived` (`dossier.received.v1`); see `DossierSubmittedV1`. */
export const DossierSubmitted = defineEvent({
  topic: 'dossier.submitted.v1',
  payload: DossierSubmittedV1,
  keyOf: (p) => p.dossierCode,
  example: {
    dossierCode: '000.00.15.H31-260112-0001',
    procedureCode: '1.001234',
    procedureVersion: 1,
    receivingAgencyCode: '000.00.15.H31',
    channel: 'ONLINE',
    status: DossierStatus.Submitted,
    submittedAt: '2026-01-12T09:30:00+07:00',
  },
  deprecated: {
    replacedBy: 'dossier.received.v1',
    note: 'Retired: online intake is announced by dossier.received.v1 (source "hub", status 1), read by every former consumer (rating, the agency feed). No service produces or reads dossier.submitted.v1 any more.',
  },
});

export const DOSSIER_SOURCES = ['sync', 'portal', 'hub'] as const;
export type DossierSource = (typeof DOSSIER_SOURCES)[number];
export const TIMELINESS_CLASSES = ['EARLY', 'ON_TIME', 'LATE'] as const;
export type Timeliness = (typeof TIMELINESS_CLASSES)[number];
export const DUE_DATE_STATES = ['NOT_STARTED', 'SET', 'CALENDAR_MISSING'] as const;
export type DueDateStateV1 = (typeof DUE_DATE_STATES)[number];
export const NOTICE_FORM_CODES = ['01', '02', '03', '04', '05'] as const;

/**
 * Facts every dossier event shares, so read models can judge them alone. `revision` grows by one with every event
 * of the dossier: a consumer applies an event only if it is newer than what it holds. No applicant personal data.
 */
export class DossierFactsV1 {
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(PROCEDURE_CODE_PATTERN) procedureCode!: string;
  @IsInt() @Min(1) procedureVersion!: number;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(FEE_CHANNELS) channel!: Channel;
  @IsInstant() receivedAt!: string;
  @IsOptional() @IsInstant() dueAt!: string | null;
  @IsIn(DUE_DATE_STATES) dueDateState!: DueDateStateV1;
  /** Sum of the dossier's fees, whole VND. */
  @IsInt() @Min(0) feeTotal!: number;
  /** At least one result and one of them electronic. */
  @IsBoolean() resultElectronic!: boolean;
  /** At least one document and every document digitised. */
  @IsBoolean() documentsDigitised!: boolean;
  @IsInt() @Min(1) revision!: number;
}

/** First sight of a dossier by the hub, whatever the channel and status (online intake or agency sync). */
export class DossierReceivedV1 extends DossierFactsV1 {
  @IsIn(DOSSIER_STATUSES) status!: DossierStatus;
  @IsInstant() statusChangedAt!: string;
  @IsIn(DOSSIER_SOURCES) source!: DossierSource;
  /**
   * Set when the dossier is first seen finished (status 9, or 10 with no change to 9 on record: finishing is the
   * first of those). Added after the first release: absent from older producers' events.
   */
  @IsOptional() @IsIn(TIMELINESS_CLASSES) timeliness?: Timeliness | null;
  @IsOptional() @IsInstant() finishedAt?: string | null;
}

/** One status change, in the dossier's own order (several per sync record when its steps changed the status). */
export class DossierStatusChangedV1 extends DossierFactsV1 {
  @IsIn(DOSSIER_STATUSES) from!: DossierStatus;
  @IsIn(DOSSIER_STATUSES) to!: DossierStatus;
  @IsInstant() at!: string;
  @IsIn(DOSSIER_SOURCES) source!: DossierSource;
  /** Set when the dossier is finished (status 9, and 10 after it; finishing is the first change to 9, or to 10 when 9 was skipped). */
  @IsOptional() @IsIn(TIMELINESS_CLASSES) timeliness!: Timeliness | null;
  @IsOptional() @IsInstant() finishedAt!: string | null;
  /**
   * The dossier's fee lines as the agency synced them, set when it enters status 6 (the agency asks for a financial
   * obligation). Added after the first release: absent from older producers' events.
   */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FeeLineV1) fees?: FeeLineV1[];
}

export class DossierNoticeIssuedV1 {
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(NOTICE_FORM_CODES) form!: (typeof NOTICE_FORM_CODES)[number];
  @IsString() @MaxLength(100) number!: string;
  @IsInstant() issuedAt!: string;
  @IsOptional() @IsInstant() newDueAt!: string | null;
  @IsBoolean() late!: boolean;
  @IsOptional() @IsInstant() dueAt!: string | null;
  @IsInt() @Min(1) revision!: number;
}

/** Raised once per dossier by the overdue watch. */
export class DossierDueWatchV1 {
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(PROCEDURE_CODE_PATTERN) procedureCode!: string;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(DOSSIER_STATUSES) status!: DossierStatus;
  @IsInstant() dueAt!: string;
  @IsInstant() flaggedAt!: string;
}

const FACTS_EXAMPLE = {
  dossierCode: '000.00.15.H31-260112-0001',
  procedureCode: '1.001234',
  procedureVersion: 1,
  receivingAgencyCode: '000.00.15.H31',
  channel: 'COUNTER' as Channel,
  receivedAt: '2026-01-12T09:30:00+07:00',
  dueAt: '2026-02-03T17:00:00+07:00',
  dueDateState: 'SET' as DueDateStateV1,
  feeTotal: 75000,
  resultElectronic: false,
  documentsDigitised: true,
  revision: 1,
};

export const DossierReceived = defineEvent({
  topic: 'dossier.received.v1',
  payload: DossierReceivedV1,
  keyOf: (p) => p.dossierCode,
  example: { ...FACTS_EXAMPLE, status: DossierStatus.Accepted, statusChangedAt: '2026-01-12T09:30:00+07:00', source: 'sync' },
});

export const DossierStatusChanged = defineEvent({
  topic: 'dossier.status-changed.v1',
  payload: DossierStatusChangedV1,
  keyOf: (p) => p.dossierCode,
  example: {
    ...FACTS_EXAMPLE,
    revision: 3,
    from: DossierStatus.Processing,
    to: DossierStatus.Finished,
    at: '2026-01-30T10:00:00+07:00',
    source: 'sync',
    timeliness: 'EARLY',
    finishedAt: '2026-01-30T10:00:00+07:00',
  },
});

export const DossierNoticeIssued = defineEvent({
  topic: 'dossier.notice-issued.v1',
  payload: DossierNoticeIssuedV1,
  keyOf: (p) => p.dossierCode,
  example: {
    dossierCode: '000.00.15.H31-260112-0001',
    receivingAgencyCode: '000.00.15.H31',
    form: '04',
    number: '12/TB-SXD',
    issuedAt: '2026-02-01T10:00:00+07:00',
    newDueAt: '2026-02-10T17:00:00+07:00',
    late: false,
    dueAt: '2026-02-10T17:00:00+07:00',
    revision: 4,
  },
});

const WATCH_EXAMPLE = {
  dossierCode: '000.00.15.H31-260112-0001',
  procedureCode: '1.001234',
  receivingAgencyCode: '000.00.15.H31',
  status: DossierStatus.Processing,
  dueAt: '2026-02-03T17:00:00+07:00',
  flaggedAt: '2026-02-02T17:00:00+07:00',
};

export const DossierDueSoon = defineEvent({
  topic: 'dossier.due-soon.v1',
  payload: DossierDueWatchV1,
  keyOf: (p) => p.dossierCode,
  example: WATCH_EXAMPLE,
});

export const DossierOverdue = defineEvent({
  topic: 'dossier.overdue.v1',
  payload: DossierDueWatchV1,
  keyOf: (p) => p.dossierCode,
  example: { ...WATCH_EXAMPLE, flaggedAt: '2026-02-03T17:05:00+07:00' },
});
