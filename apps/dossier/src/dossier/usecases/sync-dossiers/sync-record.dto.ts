import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, FEE_CHANNELS, FeeLineV1, IsInstant, PROCEDURE_CODE_PATTERN, type Channel } from '@hub/contracts';
import { NoticeDto } from '../issue-notice/notice.dto';
import { SyncApplicantDto } from './sync-applicant.dto';

export const LOOKUP_KEY_PATTERN = /^[A-Za-z0-9]{6,32}$/;

export class StepDto {
  @ApiProperty() @IsInstant() at!: string;
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) status!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) handledBy?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) position?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) content?: string;
  @ApiPropertyOptional({ description: 'When the step started (NgayBatDau); informative' })
  @IsOptional() @IsInstant() startedAt?: string;
  @ApiPropertyOptional({ description: "The end the agency's own rules set for this step (NgayKetThucTheoQuyDinh); informative: the hub computes the dossier's due date itself" })
  @IsOptional() @IsInstant() dueAt?: string;
}

export class DocumentDto {
  @ApiPropertyOptional({ description: "The sending system's id of the document (kept across re-sends)" }) @IsOptional() @IsString() @Length(1, 200) id?: string;
  @ApiPropertyOptional({ description: 'The dossier component (thành phần hồ sơ) it answers' }) @IsOptional() @IsString() @Length(1, 200) componentCode?: string;
  @ApiProperty() @IsString() @Length(1, 1000) name!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1000) copies!: number;
  @ApiProperty() @IsBoolean() digitised!: boolean;
}

export class ResultDto {
  @ApiPropertyOptional({ description: "The sending system's id of the result document (kept across re-sends)" }) @IsOptional() @IsString() @Length(1, 200) id?: string;
  @ApiProperty() @IsString() @Length(1, 1000) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) number?: string;
  @ApiProperty() @IsBoolean() electronic!: boolean;
}

export class SupplementDto {
  @ApiPropertyOptional({ description: "The sending system's id of the supplement (HoSoBoSungId; kept across re-sends)" }) @IsOptional() @IsString() @Length(1, 200) id?: string;
  @ApiProperty({ description: 'When the agency took in the documents the applicant supplied' })
  @IsInstant() at!: string;
  @ApiPropertyOptional({ description: 'When the agency had asked for them' })
  @IsOptional() @IsInstant() requestedAt?: string;
  @ApiPropertyOptional({ maxLength: 2000, description: 'What was asked for or supplied' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** One dossier as an agency system knows it: the whole state at `version` (a full snapshot, not a patch). */
export class SyncRecordDto {
  @ApiProperty({ example: '000.00.15.H31-260112-0001' }) @Matches(DOSSIER_CODE_PATTERN, { message: 'code must look like 000.00.15.H31-260112-0001' }) code!: string;
  @ApiPropertyOptional({ minimum: 1, description: "Set by the sending system, strictly increasing per dossier; omitted: the hub's arrival order (a changed record gets the stored version + 1; the same record again is unchanged). Steps of such a record are added to the known ones instead of replacing them" })
  @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647) version?: number;
  @ApiProperty() @Matches(PROCEDURE_CODE_PATTERN, { message: 'procedureCode must look like 1.001234' }) procedureCode!: string;
  @ApiProperty() @Matches(AGENCY_CODE_PATTERN, { message: 'receivingAgencyCode must look like 000.00.15.H31 or H55.242' }) receivingAgencyCode!: string;
  @ApiProperty({ enum: FEE_CHANNELS }) @IsIn(FEE_CHANNELS) channel!: Channel;
  @ApiPropertyOptional({ minimum: 1, maximum: 10, description: 'National status; or send localStatus' }) @IsOptional() @IsInt() @Min(1) @Max(10) status?: number;
  @ApiPropertyOptional({ description: "The system's own status code, translated with its registered mapping" }) @IsOptional() @IsString() @Length(1, 50) localStatus?: string;
  @ApiProperty() @IsInstant() receivedAt!: string;
  @ApiPropertyOptional({ description: 'Omitted: the stored time when the status is unchanged, else receivedAt on first sight and the arrival time later' })
  @IsOptional() @IsInstant() statusChangedAt?: string;
  @ApiProperty({ type: SyncApplicantDto }) @ValidateNested() @Type(() => SyncApplicantDto) applicant!: SyncApplicantDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() appointmentAt?: string;
  @ApiPropertyOptional({ type: [StepDto] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => StepDto) steps?: StepDto[];
  @ApiPropertyOptional({ type: [DocumentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DocumentDto) documents?: DocumentDto[];
  @ApiPropertyOptional({ type: [FeeLineV1] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FeeLineV1) fees?: FeeLineV1[];
  @ApiPropertyOptional({ type: [ResultDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ResultDto) results?: ResultDto[];
  @ApiPropertyOptional({ type: [SupplementDto], description: "Supplements the agency took in; added to the known ones (one with a known id is known), never removed: the applicant's own through the portal stay" })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SupplementDto) supplements?: SupplementDto[];
  @ApiPropertyOptional({ type: [NoticeDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => NoticeDto) notices?: NoticeDto[];
  @ApiPropertyOptional({ description: '6–32 letters or digits; without one the hub issues a key and returns it once' })
  @IsOptional() @Matches(LOOKUP_KEY_PATTERN, { message: 'lookupKey must be 6 to 32 letters or digits' }) lookupKey?: string;
}
