import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@hub/contracts';

export const MAX_SUMMARIES = 500;

export class SatisfactionAnswerDto {
  @ApiProperty({ example: 'RAT_HAI_LONG', description: "The answer's code as the reporting system names it" }) @IsString() @Length(1, 100) answer!: string;
  @ApiPropertyOptional({ example: 'Rất hài lòng' }) @IsOptional() @IsString() @MaxLength(500) label?: string;
  @ApiProperty({ example: 62, minimum: 0, maximum: 100, description: 'Share of respondents, in percent (2 decimals at most)' })
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) percent!: number;
}

/** One monthly aggregate of one question for one agency; a later report of the same agency, month and question replaces it. */
export class SatisfactionSummaryDto {
  @ApiProperty({ example: '000.00.00.H31' }) @Matches(AGENCY_CODE_PATTERN, { message: 'agencyCode must look like 000.00.15.H31 or H55.242' }) agencyCode!: string;
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM (Asia/Ho_Chi_Minh)' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month!: string;
  @ApiProperty({ example: 'TONG_HOP' }) @IsString() @Length(1, 100) question!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) questionText?: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(2_000_000_000) respondents!: number;
  @ApiProperty({ type: [SatisfactionAnswerDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SatisfactionAnswerDto) answers!: SatisfactionAnswerDto[];
}

export class ReportSatisfactionSummariesBody {
  @ApiProperty({ type: [SatisfactionSummaryDto], minItems: 1, maxItems: MAX_SUMMARIES })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SUMMARIES) @ValidateNested({ each: true }) @Type(() => SatisfactionSummaryDto) summaries!: SatisfactionSummaryDto[];
}

export class SatisfactionSummaryView extends SatisfactionSummaryDto {
  @ApiProperty() reportedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class SatisfactionSummariesView {
  @ApiProperty({ type: [SatisfactionSummaryView] }) items!: SatisfactionSummaryView[];
}

export class SatisfactionSummaryQuery {
  @ApiProperty() @Matches(AGENCY_CODE_PATTERN, { message: 'agencyCode must look like 000.00.15.H31 or H55.242' }) agencyCode!: string;
  @ApiPropertyOptional({ example: '2026-03' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month?: string;
}
