import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { TIME_LIMIT_UNITS, type TimeLimitUnit } from '@hub/calendar';
import { AGENCY_CODE_PATTERN } from '@hub/contracts';
import { IsInstant } from '../../../shared/dates';

export class ComputeDueDateQuery {
  @ApiProperty({ example: '000.00.15.H31', description: 'Receiving agency: its closures apply on top of the national calendar' })
  @Matches(AGENCY_CODE_PATTERN, { message: 'agency must look like 000.00.15.H31 or H55.242' }) agency!: string;

  @ApiProperty({ example: '2026-01-12T15:30:00+07:00', description: 'ISO-8601 date-time with an offset' })
  @IsInstant() receivedAt!: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 10000 })
  @Type(() => Number) @IsInt({ message: 'amount must be a whole number' }) @Min(1) @Max(10_000) amount!: number;

  @ApiProperty({ enum: TIME_LIMIT_UNITS })
  @IsIn(TIME_LIMIT_UNITS, { message: `unit must be one of ${TIME_LIMIT_UNITS.join(', ')}` }) unit!: TimeLimitUnit;
}
