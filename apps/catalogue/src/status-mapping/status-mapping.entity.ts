import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface StatusMappingEntry {
  localCode: string;
  nationalStatus: number;
  description?: string;
}

/** One version of an agency system's mapping from its local status codes to the national list (1–10). */
@Entity('status_mapping')
export class StatusMappingEntity {
  @PrimaryColumn('text') agencyCode!: string;
  @PrimaryColumn('int') version!: number;
  @Column('jsonb') mappings!: StatusMappingEntry[];
  @Column('text') createdBy!: string;
  @Column('timestamptz') createdAt!: Date;
}
