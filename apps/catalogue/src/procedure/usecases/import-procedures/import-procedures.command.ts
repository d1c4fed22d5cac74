import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { FieldError } from '@hub/platform';
import { IsInstant, IsInstantOrDate } from '../../../shared/dates';
import { CreateProcedureCommand } from '../../procedure-content';

/** One record in the hub's own shape: a full procedure, plus when its version takes effect and was entered. */
export class ImportRecordDto extends CreateProcedureCommand {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'When this content takes effect (default: at import); only used when it changes something' })
  @IsOptional() @IsInstantOrDate() effectiveFrom?: string;

  @ApiPropertyOptional({ description: 'Original entry time of migrated history (default: now); not in the future' })
  @IsOptional() @IsInstant() enteredAt?: string;
}

export const IMPORT_RESULTS = ['created', 'updated', 'unchanged', 'error'] as const;
export type ImportResult = (typeof IMPORT_RESULTS)[number];

export class ImportRecordResultView {
  @ApiProperty({ description: 'Position of the record in the import (0-based)' }) index!: number;
  @ApiPropertyOptional({ example: '1.001234' }) code?: string;
  @ApiProperty({ enum: IMPORT_RESULTS }) result!: ImportResult;
  @ApiPropertyOptional({ description: 'The version now in force or scheduled (created/updated/unchanged)' }) version?: number;
  @ApiPropertyOptional({ description: 'Why the record was refused (result = error)' }) errors?: FieldError[];
}

export class ImportReportView {
  @ApiProperty() total!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() failed!: number;
  @ApiPropertyOptional({ description: 'Refused records reported without their reasons (past IMPORT_MAX_ERROR_DETAILS)' }) errorDetailsOmitted?: number;
  @ApiProperty({ type: [ImportRecordResultView] }) results!: ImportRecordResultView[];
}
