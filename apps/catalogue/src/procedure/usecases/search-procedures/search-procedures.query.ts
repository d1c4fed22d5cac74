import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_CODE_PATTERN, ONLINE_LEVELS, SECTOR_CODE_PATTERN, type OnlineLevel } from '@hub/contracts';
import { PageQuery } from '../../../shared/paging';

export class SearchProceduresQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'giay phep xay dung', description: 'Words or a code; accents and case are ignored', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional({ example: 'G09-XD01' })
  @IsOptional() @Matches(SECTOR_CODE_PATTERN, { message: 'sector must be a sector code such as G09-XD01' }) sector?: string;

  @ApiPropertyOptional({ example: '000.00.15.H31', description: 'Implementing or publishing agency' })
  @IsOptional() @Matches(AGENCY_CODE_PATTERN, { message: 'agency must look like 000.00.15.H31 or H55.242' }) agency?: string;

  @ApiPropertyOptional({ enum: ONLINE_LEVELS })
  @IsOptional() @IsIn(ONLINE_LEVELS, { message: `onlineLevel must be one of ${ONLINE_LEVELS.join(', ')}` }) onlineLevel?: OnlineLevel;
}
