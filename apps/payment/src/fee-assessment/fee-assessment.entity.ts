import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, FeeLineV1 } from '@hub/contracts';

export type FeeAssessmentStatus = 'ASSESSED' | 'AWAITING_PROCEDURE';

/** What a dossier owes, from its procedure version's fee lines for its channel. Whole VND. */
@Entity('fee_assessment')
export class FeeAssessmentEntity {
  @PrimaryColumn() dossierCode!: string;
  @Column() procedureCode!: string;
  @Column('int') procedureVersion!: number;
  @Column() receivingAgencyCode!: string;
  @Column('text') channel!: Channel;
  @Column('text') status!: FeeAssessmentStatus;
  @Column('jsonb') lines!: FeeLineV1[];
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) totalAmount!: number;
  @Column('timestamptz', { nullable: true }) assessedAt!: Date | null;
  @Column('timestamptz') updatedAt!: Date;
}
