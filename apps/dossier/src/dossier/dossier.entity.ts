import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, DossierStatus } from '@hub/contracts';

@Entity('dossier')
export class DossierEntity {
  @PrimaryColumn() code!: string;
  @Column() procedureCode!: string;
  @Column('int') procedureVersion!: number;
  @Column() receivingAgencyCode!: string;
  @Column('text') channel!: Channel;
  @Column('smallint') status!: DossierStatus;
  /** Who submitted it through the hub (API client id). */
  @Column() submittedBy!: string;
  @Column('jsonb') applicant!: { fullName: string; idNumber: string; phone?: string; email?: string; address?: string };
  @Column('text', { nullable: true }) summary!: string | null;
  /** SHA-256 of the lookup key printed on the receipt; the key itself is never stored. */
  @Column() lookupKeyHash!: string;
  @Column('timestamptz') submittedAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
