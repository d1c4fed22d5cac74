import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, DossierStatus } from '@hub/contracts';
import type { CompletionClass } from '@hub/calendar';
import type { DueDateState, DueState, TimeLimit } from './domain/dossier-state';


@Entity('dossier')
export class DossierEntity {
  @PrimaryColumn() code!: string;
  @Column() procedureCode!: string;
  @Column('int') procedureVersion!: number;
  @Column() receivingAgencyCode!: string;
  @Column('text') channel!: Channel;
  @Column('smallint') status!: DossierStatus;
  /** Who first brought it to the hub (API client id). */
  @Column() submittedBy!: string;
  @Column('jsonb') applicant!: { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string };
  @Column('text', { nullable: true }) summary!: string | null;
  /** SHA-256 of the lookup key printed on the receipt; the key itself is never stored. */
  @Column() lookupKeyHash!: string;
  /** When the hub first saw it. */
  @Column('timestamptz') submittedAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  /** Highest sync version applied; 0 while only the hub's intake is known. */
  @Column('int') version!: number;
  @Column('text') contentHash!: string;
  @Column('int') revision!: number;
  @Column('text') source!: 'hub' | 'sync';
  @Column('timestamptz') receivedAt!: Date;
  @Column('timestamptz') statusChangedAt!: Date;
  @Column('timestamptz', { nullable: true }) appointmentAt!: Date | null;
  @Column('jsonb', { nullable: true }) timeLimit!: TimeLimit | null;
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('text') dueDateState!: DueDateState;
  @Column('text', { nullable: true }) dueState!: DueState | null;
  @Column('jsonb') pauses!: object[];
  @Column('jsonb', { nullable: true }) extension!: object | null;
  @Column('timestamptz', { nullable: true }) finishedAt!: Date | null;
  @Column('text', { nullable: true }) timeliness!: CompletionClass | null;
  @Column('jsonb') steps!: object[];
  @Column('jsonb') documents!: object[];
  @Column('jsonb') fees!: object[];
  @Column('jsonb') results!: object[];
  @Column('jsonb') supplements!: object[];
}

@Entity('dossier_status_history')
export class DossierStatusHistoryEntity {
  @PrimaryColumn() dossierCode!: string;
  @PrimaryColumn('int') seq!: number;
  @Column('smallint', { nullable: true }) fromStatus!: DossierStatus | null;
  @Column('smallint') toStatus!: DossierStatus;
  @Column('timestamptz') at!: Date;
  @Column('text') source!: 'sync' | 'portal' | 'hub';
  @Column('int') version!: number;
}

@Entity('dossier_notice')
export class DossierNoticeEntity {
  @PrimaryColumn() dossierCode!: string;
  @PrimaryColumn('text') form!: string;
  @PrimaryColumn('text') number!: string;
  @Column('timestamptz') issuedAt!: Date;
  @Column('text') signedBy!: string;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('timestamptz', { nullable: true }) newDueAt!: Date | null;
  @Column('boolean') late!: boolean;
  @Column('text') source!: 'agency' | 'hub';
}
