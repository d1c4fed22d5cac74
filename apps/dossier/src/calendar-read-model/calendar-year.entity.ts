import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarSettingsV1 } from '@hub/contracts';

/** One year of one calendar layer (national, or an agency's closures), from the catalogue's compacted topic. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn() scope!: string;
  @PrimaryColumn('int') year!: number;
  @Column('text', { array: true }) holidays!: string[];
  @Column('text', { array: true }) workingDays!: string[];
  @Column('jsonb') settings!: CalendarSettingsV1;
  @Column('int') revision!: number;
}
