import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarSettings } from '@hub/calendar';

/** One year of one calendar layer: `national`, or an agency code for that agency's own closures. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn('text') scope!: string;
  @PrimaryColumn('int') year!: number;
  /** Days off, `YYYY-MM-DD`, sorted. */
  @Column('text', { array: true }) holidays!: string[];
  /** Make-up working days on a weekend (national layer only), sorted. */
  @Column('text', { array: true }) workingDays!: string[];
  /** Office-hours overrides exactly as given; `{}` when the defaults apply. */
  @Column('jsonb') settings!: Partial<CalendarSettings>;
  /** Sample data shipped with the seed, to be replaced by the officially announced dates. */
  @Column('boolean') sample!: boolean;
  @Column('int') revision!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
