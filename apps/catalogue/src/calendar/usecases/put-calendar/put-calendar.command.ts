import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsWorkingPeriods, TIME_OF_DAY_PATTERN } from '@hub/contracts';
import { IsRealLocalDate } from '../../../shared/dates';

export class CalendarSettingsDto {
  @ApiPropertyOptional({ enum: ['Asia/Ho_Chi_Minh'], default: 'Asia/Ho_Chi_Minh' })
  @IsOptional() @IsIn(['Asia/Ho_Chi_Minh'], { message: 'timeZone must be Asia/Ho_Chi_Minh' }) timeZone?: 'Asia/Ho_Chi_Minh';

  @ApiPropertyOptional({ example: '15:00', default: '15:00', description: 'Receipts at or after this time count from the next working day' })
  @IsOptional() @Matches(TIME_OF_DAY_PATTERN, { message: 'cutoffTime must be HH:mm' }) cutoffTime?: string;

  @ApiPropertyOptional({ example: '17:00', default: '17:00', description: 'Day-based limits fall due at this time' })
  @IsOptional() @Matches(TIME_OF_DAY_PATTERN, { message: 'closingTime must be HH:mm' }) closingTime?: string;

  @ApiPropertyOptional({ example: [['08:00', '12:00'], ['13:00', '17:00']], type: 'array', items: { type: 'array', items: { type: 'string' } } })
  @IsOptional() @IsWorkingPeriods() workingPeriods?: Array<[string, string]>;
}

export class PutCalendarCommand {
  @ApiProperty({ type: [String], example: ['2026-01-01', '2026-04-30', '2026-05-01'], description: 'Days off (YYYY-MM-DD) within the year' })
  @IsArray() @ArrayMaxSize(366) @ArrayUnique() @IsRealLocalDate({ each: true }) holidays!: string[];

  @ApiPropertyOptional({ type: [String], example: ['2026-01-10'], description: 'Make-up working days on Saturdays or Sundays (national only)' })
  @IsOptional() @IsArray() @ArrayMaxSize(366) @ArrayUnique() @IsRealLocalDate({ each: true }) workingDays?: string[];

  @ApiPropertyOptional({ type: CalendarSettingsDto, description: 'Office hours; omitted members keep the defaults' })
  @IsOptional() @ValidateNested() @Type(() => CalendarSettingsDto) settings?: CalendarSettingsDto;

  @ApiPropertyOptional({ default: false, description: 'Marks sample data (to be replaced by the officially announced dates)' })
  @IsOptional() @IsBoolean() sample?: boolean;
}
