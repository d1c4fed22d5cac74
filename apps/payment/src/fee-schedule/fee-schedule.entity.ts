import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelTermsV1 } from '@hub/contracts';

/** Fees of every procedure version ever published: a dossier is charged by the version it was received under. */
@Entity('fee_schedule')
export class FeeScheduleEntity {
  @PrimaryColumn() procedureCode!: string;
  @PrimaryColumn('int') procedureVersion!: number;
  @Column('jsonb') channels!: ChannelTermsV1[];
  @Column('timestamptz') receivedAt!: Date;
}
