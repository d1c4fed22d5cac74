import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OnlineLevel } from '@hub/contracts';
import type { ProcedureContent } from './procedure-content';

export const PROCEDURE_STATUSES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
export const TIMELINESS = ['ON_TIME', 'LATE', 'UNKNOWN'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export interface Withdrawal {
  reason: string;
  decision?: { number: string; date: string; issuingAgencyCode: string; fastTrack?: boolean };
  withdrawnBy: string;
}

/**
 * A procedure's identity and lifecycle: DRAFT (never published) → PUBLISHED (has versions) → WITHDRAWN.
 * `draft` holds the content of the next version until it is published; published content lives in versions.
 */
@Entity('procedure')
export class ProcedureEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') status!: ProcedureStatus;
  @Column('int', { nullable: true }) latestVersion!: number | null;
  @Column('jsonb', { nullable: true }) draft!: ProcedureContent | null;
  @Column('int') draftRevision!: number;
  @Column('timestamptz', { nullable: true }) draftUpdatedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) withdrawnAt!: Date | null;
  @Column('jsonb', { nullable: true }) withdrawal!: Withdrawal | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}

/** One published version, in force on `[effectiveFrom, effectiveTo)`; never overwritten, only closed. */
@Entity('procedure_version')
export class ProcedureVersionEntity {
  @PrimaryColumn('text') procedureCode!: string;
  @PrimaryColumn('int') version!: number;
  @Column('text') name!: string;
  /** `normalizeSearchText(name)`. */
  @Column('text') nameSearch!: string;
  /** Words of the name and the code, normalised, padded with spaces for word-prefix LIKE patterns. */
  @Column('text') searchText!: string;
  @Column('text', { array: true }) sectorCodes!: string[];
  @Column('text') publishingAgencyCode!: string;
  @Column('text', { array: true }) implementingAgencyCodes!: string[];
  @Column('text') onlineLevel!: OnlineLevel;
  @Column('jsonb') content!: ProcedureContent;
  @Column('text') contentHash!: string;
  @Column('timestamptz') effectiveFrom!: Date;
  @Column('timestamptz', { nullable: true }) effectiveTo!: Date | null;
  /** When this version was entered in the catalogue (the timeliness clock stops here). */
  @Column('timestamptz') publishedAt!: Date;
  @Column('text') publishedBy!: string;
  @Column('date') decisionDate!: string;
  @Column('int') entryDeadlineWorkingDays!: number;
  @Column('date', { nullable: true }) entryDeadline!: string | null;
  @Column('text') timeliness!: Timeliness;
  @Column('text', { nullable: true }) timelinessNote!: string | null;
}
