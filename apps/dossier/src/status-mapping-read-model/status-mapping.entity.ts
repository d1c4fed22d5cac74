import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StatusMappingEntryV1 } from '@hub/contracts';

/** An agency system's local status codes mapped to the national list, as the catalogue publishes them. */
@Entity('status_mapping')
export class StatusMappingEntity {
  @PrimaryColumn() agencyCode!: string;
  @Column('int') version!: number;
  @Column('jsonb') mappings!: StatusMappingEntryV1[];
}
