import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DOSSIER_STATUSES } from '@hub/contracts';

export class StatusMappingEntryDto {
  @ApiProperty({ example: 'DANG_XU_LY', description: "The agency system's own status code", maxLength: 50 })
  @IsString() @Length(1, 50) @Matches(/^\S(?:.*\S)?$/, { message: 'localCode must not start or end with spaces' }) localCode!: string;

  @ApiProperty({ example: 4, description: 'National status (TrangThaiHoSo) 1–10' })
  @IsIn(DOSSIER_STATUSES, { message: 'nationalStatus must be a national dossier status from 1 to 10' }) nationalStatus!: number;

  @ApiPropertyOptional({ example: 'Đang xử lý', maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class PutStatusMappingCommand {
  @ApiProperty({ type: [StatusMappingEntryDto], description: 'The whole mapping (replaces the previous version)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500)
  @ArrayUnique((m: StatusMappingEntryDto) => m?.localCode, { message: 'mappings must not list the same localCode twice' })
  @ValidateNested({ each: true }) @Type(() => StatusMappingEntryDto)
  mappings!: StatusMappingEntryDto[];
}
