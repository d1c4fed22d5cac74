import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelTermsV1 } from '@hub/contracts';

/**
 * Every published procedure version the dossier service has heard of, built from catalogue events.
 * Versions are effective-dated and announced ahead of time, so intake picks the one in force at receipt.
 */
@Entity('procedure_version')
export class ProcedureVersionEntity {
  @PrimaryColumn() code!: string;
  @PrimaryColumn('int') version!: number;
  @Column() name!: string;
  @Column('text', { array: true }) implementingAgencyCodes!: string[];
  @Column('jsonb') channels!: ChannelTermsV1[];
  @Column('text') onlineLevel!: string;
  @Column('timestamptz') effectiveFrom!: Date;
}

/** A procedure abolished in the catalogue: no version of it is in force from `withdrawnAt` on. */
@Entity('procedure_withdrawal')
export class ProcedureWithdrawalEntity {
  @PrimaryColumn() code!: string;
  @Column('int') lastVersion!: number;
  @Column('timestamptz') withdrawnAt!: Date;
}
