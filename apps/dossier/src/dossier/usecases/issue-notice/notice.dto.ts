import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { NOTICE_FORM_CODES } from '@hub/contracts';
import type { NoticeForm } from '../../domain/dossier-state';

/** ISO-8601 with a mandatory offset (`Z` or `±HH:MM`): a bare wall-clock time is ambiguous. */
export const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_MESSAGE = '$property must be an ISO-8601 time with an offset, e.g. 2026-01-12T09:30:00+07:00';

/** A notice (forms 01–05 of Circular 01/2018, renumbered by 03/2025) as the agency records it. */
export class NoticeDto {
  @ApiProperty({ enum: NOTICE_FORM_CODES, description: '01 receipt · 02 supplement request · 03 refusal · 04 apology and new appointment · 05 stop' })
  @IsIn(NOTICE_FORM_CODES) form!: NoticeForm;

  @ApiProperty({ example: '12/TB-SXD', maxLength: 100 })
  @IsString() @Length(1, 100) number!: string;

  @ApiProperty({ example: '2026-01-14T10:00:00+07:00' })
  @IsISO8601({ strict: true }) @Matches(INSTANT_WITH_OFFSET, { message: INSTANT_MESSAGE }) issuedAt!: string;

  @ApiProperty({ example: 'Nguyễn Văn B', maxLength: 200 })
  @IsString() @Length(1, 200) signedBy!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for forms 02–05 (what is missing, why refused, why late, why stopped); optional for 01' })
  @ValidateIf((n: NoticeDto) => n.form !== '01' || n.reason !== undefined)
  @IsString() @Length(1, 2000) reason?: string;

  @ApiPropertyOptional({ description: 'Form 04 only (required there): the new appointment, later than the current due date' })
  @ValidateIf((n: NoticeDto) => n.form === '04' || n.newDueAt !== undefined)
  @IsISO8601({ strict: true }) @Matches(INSTANT_WITH_OFFSET, { message: INSTANT_MESSAGE }) newDueAt?: string;
}
