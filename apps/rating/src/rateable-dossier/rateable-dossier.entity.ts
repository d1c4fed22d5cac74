import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierStatus } from '@hub/contracts';

/** A dossier the rating service knows about, so its applicant can rate it at the right moments. */
@Entity('rateable_dossier')
export class RateableDossierEntity {
  @PrimaryColumn() dossierCode!: string;
  @Column() procedureCode!: string;
  @Column() receivingAgencyCode!: string;
  @Column('smallint') status!: DossierStatus;
  @Column('timestamptz') submittedAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  /** Revision of the last dossier event applied (0: rows learnt from the retired dossier.submitted.v1 only). */
  @Column('int') revision!: number;
}
