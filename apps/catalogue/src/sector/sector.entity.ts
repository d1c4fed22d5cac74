import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A field of procedures (lĩnh vực), e.g. `G09-XD01` Hoạt động xây dựng. */
@Entity('sector')
export class SectorEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('boolean') active!: boolean;
  @Column('int') revision!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
