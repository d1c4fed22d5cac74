import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelTermsV1 } from '@hub/contracts';

/** The dossier service's copy of each procedure version in force, built from catalogue events. */
@Entity('procedure_snapshot')
export class ProcedureSnapshotEntity {
  @PrimaryColumn() code!: string;
  @Column('int') version!: number;
  @Column() name!: string;
  @Column('text', { array: true }) implementingAgencyCodes!: string[];
  @Column('jsonb') channels!: ChannelTermsV1[];
  @Column() onlineLevel!: string;
  @Column('timestamptz') effectiveFrom!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
