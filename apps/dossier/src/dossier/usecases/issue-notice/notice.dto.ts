import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { IsInstant, NOTICE_FORM_CODES } from '@hub/contracts';
import type { NoticeForm } from '../../domain/dossier-state';

/** A notice (forms 01–05 of Circular 01/2018, renumbered by 03/2025) as the agency records it. */
export class NoticeDto {
  @ApiProperty({ enum: NOTICE_FORM_CODES, description: '01 receipt · 02 supplement request · 03 refusal · 04 apology and new appointment · 05 stop' })
  @IsIn(NOTICE_FORM_CODES) form!: NoticeForm;

  @ApiProperty({ example: '12/TB-SXD', maxLength: 100 })
  @IsString() @Length(1, 100) number!: string;

  @ApiProperty({ example: '2026-01-14T10:00:00+07:00' })
  @IsInstant() issuedAt!: string;

  @ApiProperty({ example: 'Nguyễn Văn B', maxLength: 200 })
  @IsString() @Length(1, 200) signedBy!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for forms 02–05 (what is missing, why refused, why late, why stopped); optional for 01' })
  @ValidateIf((n: NoticeDto) => n.form !== '01' || n.reason !== undefined)
  @IsString() @Length(1, 2000) reason?: string;

  @ApiPropertyOptional({ description: 'Form 04 only (required there): the new appointment, later than the current due date' })
  @ValidateIf((n: NoticeDto) => n.form === '04' || n.newDueAt !== undefined)
  @IsInstant() newDueAt?: string;
}
