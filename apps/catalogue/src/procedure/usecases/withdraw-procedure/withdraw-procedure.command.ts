import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsInstantOrDate } from '../../../shared/dates';
import { PublicationDecisionDto } from '../../procedure-content';

export class WithdrawProcedureCommand {
  @ApiProperty({ example: 'Bãi bỏ theo Quyết định 456/QĐ-UBND', maxLength: 2000 })
  @IsString() @Length(1, 2000) reason!: string;

  @ApiPropertyOptional({ example: '2026-07-01', description: 'When the procedure stops being in force (date or date-time). Default: now.' })
  @IsOptional() @IsInstantOrDate() withdrawnAt?: string;

  @ApiPropertyOptional({ type: PublicationDecisionDto, description: 'The decision that abolishes the procedure' })
  @IsOptional() @ValidateNested() @Type(() => PublicationDecisionDto) decision?: PublicationDecisionDto;
}
