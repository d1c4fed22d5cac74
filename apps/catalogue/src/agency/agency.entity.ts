import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyLevel } from '@hub/contracts';

/** An agency (cơ quan, đơn vị) with its place in the hierarchy. Codes are stored as given (text). */
@Entity('agency')
export class AgencyEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') level!: AgencyLevel;
  @Column('text', { nullable: true }) parentCode!: string | null;
  @Column('boolean') active!: boolean;
  /** Business dates, `YYYY-MM-DD` (TypeORM returns `date` columns as strings). */
  @Column('date', { nullable: true }) validFrom!: string | null;
  @Column('date', { nullable: true }) validTo!: string | null;
  /** 1 on creation, +1 on every change; carried by AgencyUpserted so consumers keep the newest. */
  @Column('int') revision!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
