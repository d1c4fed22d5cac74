import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, AGENCY_LEVELS, type AgencyLevel } from '@hub/contracts';
import { PageQuery } from '../../../shared/paging';
import { AGENCY_CODE_MESSAGE } from '../../agency.errors';

export class ListAgenciesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @IsOptional() @IsIn(AGENCY_LEVELS) level?: AgencyLevel;

  @ApiPropertyOptional({ description: 'Only the direct children of this agency' })
  @IsOptional() @Matches(AGENCY_CODE_PATTERN, { message: `parent ${AGENCY_CODE_MESSAGE}` }) parent?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
