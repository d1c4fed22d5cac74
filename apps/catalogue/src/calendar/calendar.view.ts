import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_CALENDAR_SETTINGS, TIME_LIMIT_UNITS, type CalendarSettings, type TimeLimitUnit } from '@hub/calendar';
import type { CalendarYearEntity } from './calendar.entity';

export class CalendarSettingsView {
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone!: string;
  @ApiProperty({ example: '15:00' }) cutoffTime!: string;
  @ApiProperty({ example: '17:00' }) closingTime!: string;
  @ApiProperty({ example: [['08:00', '12:00'], ['13:00', '17:00']], type: 'array', items: { type: 'array', items: { type: 'string' } } })
  workingPeriods!: Array<[string, string]>;
}

export class CalendarView {
  @ApiProperty({ example: 'national' }) scope!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [String], example: ['2026-01-01'] }) holidays!: string[];
  @ApiProperty({ type: [String], description: 'Make-up working days on weekends' }) workingDays!: string[];
  @ApiProperty({ type: Object, description: 'Overrides as stored ({} = defaults)' }) settings!: Partial<CalendarSettings>;
  @ApiProperty({ type: CalendarSettingsView, description: 'Defaults ← national year ← this layer' }) effectiveSettings!: CalendarSettingsView;
  @ApiProperty({ description: 'Sample data to be replaced by the officially announced dates' }) sample!: boolean;
  @ApiProperty() revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(e: CalendarYearEntity, nationalSettings: Partial<CalendarSettings> = {}): CalendarView {
    const effective = { ...DEFAULT_CALENDAR_SETTINGS, ...(e.scope === 'national' ? {} : nationalSettings), ...e.settings };
    return {
      scope: e.scope,
      year: e.year,
      holidays: e.holidays,
      workingDays: e.workingDays,
      settings: e.settings,
      effectiveSettings: {
        timeZone: effective.timeZone,
        cutoffTime: effective.cutoffTime,
        closingTime: effective.closingTime,
        workingPeriods: effective.workingPeriods.map(([a, b]) => [a, b] as [string, string]),
      },
      sample: e.sample,
      revision: e.revision,
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

export class DueDateView {
  @ApiProperty({ example: '000.00.15.H31' }) agency!: string;
  @ApiProperty({ example: '2026-01-12T15:30:00+07:00' }) receivedAt!: string;
  @ApiProperty({ example: 5 }) amount!: number;
  @ApiProperty({ enum: TIME_LIMIT_UNITS }) unit!: TimeLimitUnit;
  @ApiProperty({ example: '2026-01-13T08:00:00+07:00', description: 'When the clock starts (receipt cut-off applied)' }) effectiveReceivedAt!: string;
  @ApiProperty({ example: '2026-01-20T17:00:00+07:00' }) dueAt!: string;
  @ApiPropertyOptional({ type: [String], description: 'Calendars used, e.g. national/2026' }) calendars?: string[];
}
