import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, AGENCY_LEVELS, type AgencyLevel } from '@hub/contracts';
import { IsRealLocalDate } from '../../../shared/dates';
import { AGENCY_CODE_MESSAGE } from '../../agency.errors';

export class UpsertAgencyCommand {
  @ApiProperty({ example: '000.00.15.H31', description: 'QCVN 102:2016 form (000.00.15.H31) or the short form since 2025 (H55.242)' })
  @IsString() @Matches(AGENCY_CODE_PATTERN, { message: `code ${AGENCY_CODE_MESSAGE}` }) code!: string;

  @ApiProperty({ example: 'Sở Xây dựng thành phố Hà Nội', maxLength: 500 })
  @IsString() @Length(1, 500) name!: string;

  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsIn(AGENCY_LEVELS, { message: `level must be one of ${AGENCY_LEVELS.join(', ')}` }) level!: AgencyLevel;

  @ApiPropertyOptional({ example: '000.00.00.H31', description: 'Code of the agency directly above; must exist' })
  @IsOptional() @IsString() @Matches(AGENCY_CODE_PATTERN, { message: `parentCode ${AGENCY_CODE_MESSAGE}` }) parentCode?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional() @IsBoolean() active?: boolean;

  @ApiPropertyOptional({ example: '2020-01-01', description: 'First day the agency exists (Asia/Ho_Chi_Minh)' })
  @IsOptional() @IsRealLocalDate() validFrom?: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'Last day the agency exists (e.g. after a merger)' })
  @IsOptional() @IsRealLocalDate() validTo?: string;
}
