import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SECTOR_CODE_PATTERN } from '@hub/contracts';
import { SECTOR_CODE_MESSAGE } from '../../sector.errors';

export class UpsertSectorCommand {
  @ApiProperty({ example: 'G09-XD01' })
  @IsString() @Matches(SECTOR_CODE_PATTERN, { message: `code ${SECTOR_CODE_MESSAGE}` }) code!: string;

  @ApiProperty({ example: 'Hoạt động xây dựng', maxLength: 500 })
  @IsString() @Length(1, 500) name!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional() @IsBoolean() active?: boolean;
}
