import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN, FEE_CHANNELS, type Channel, IsInstant } from '@hub/contracts';
import { StatusNameView } from '../get-dossier/dossier.view';

export const DUE_STATES = ['DUE_SOON', 'OVERDUE'] as const;
export const MAX_PAGE = 200;

export class ListDossiersQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(AGENCY_CODE_PATTERN, { message: 'receivingAgencyCode must look like 000.00.15.H31 or H55.242' }) receivingAgencyCode?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10) status?: number;
  @ApiPropertyOptional({ enum: DUE_STATES }) @IsOptional() @IsIn(DUE_STATES) dueState?: (typeof DUE_STATES)[number];
  @ApiPropertyOptional({ format: 'date-time', description: 'Only dossiers changed at or after this time' }) @IsOptional() @IsInstant() updatedSince?: string;
  @ApiPropertyOptional({ description: 'From `nextCursor` of the previous page' }) @IsOptional() @MaxLength(200) @Matches(/^[A-Za-z0-9_-]+$/) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) limit?: number;
}

export class DossierListItem {
  @ApiProperty() code!: string;
  @ApiProperty() status!: number;
  @ApiProperty({ type: StatusNameView }) statusName!: StatusNameView;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() receivingAgencyCode!: string;
  @ApiProperty({ enum: FEE_CHANNELS }) channel!: Channel;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ enum: DUE_STATES, nullable: true, type: String }) dueState!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) timeliness!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DossierPage {
  @ApiProperty({ type: [DossierListItem] }) items!: DossierListItem[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}
