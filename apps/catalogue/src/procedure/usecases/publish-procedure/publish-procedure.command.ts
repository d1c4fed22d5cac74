import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstantOrDate } from '../../../shared/dates';

export class PublishProcedureCommand {
  @ApiPropertyOptional({
    example: '2026-02-01',
    description:
      'When the new version takes effect: a date (00:00 that day, Asia/Ho_Chi_Minh) or an ISO-8601 date-time with offset. Default: now. ' +
      'Must be later than the start and the entry of the previous version.',
  })
  @IsOptional() @IsInstantOrDate() effectiveFrom?: string;
}
