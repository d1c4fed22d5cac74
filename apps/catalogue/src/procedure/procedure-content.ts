import { createHash } from 'node:crypto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  canonicalJson,
  AGENCY_CODE_PATTERN,
  FEE_CHANNELS,
  MAX_FEE_LINE_VND,
  ONLINE_LEVELS,
  PROCEDURE_CODE_PATTERN,
  SECTOR_CODE_PATTERN,
  TIME_LIMIT_UNITS,
  type Channel,
  type OnlineLevel,
  type TimeLimitUnitV1,
} from '@hub/contracts';
import { IsRealLocalDate } from '../shared/dates';

const AGENCY_MESSAGE = 'must be agency codes like 000.00.15.H31 (QCVN 102:2016) or H55.242 (short form)';
export const PROCEDURE_CODE_MESSAGE = 'must be a national procedure code like 1.001234, or a local variant like 2.000815.000.00.00.H55';

export class FeeLineDto {
  @ApiProperty({ example: 'LP01', maxLength: 50 })
  @IsString() @Length(1, 50) code!: string;

  @ApiProperty({ example: 'Lệ phí cấp giấy phép xây dựng', maxLength: 500 })
  @IsString() @Length(1, 500) name!: string;

  @ApiProperty({ example: 75000, description: 'Whole VND, 0 to 10^12', maximum: MAX_FEE_LINE_VND })
  @IsInt({ message: 'amount must be a whole number of VND (no fractions)' })
  @Min(0, { message: 'amount must not be negative' })
  @Max(MAX_FEE_LINE_VND, { message: `amount must not exceed ${MAX_FEE_LINE_VND} VND (10^12)` })
  amount!: number;
}

export class TimeLimitDto {
  @ApiProperty({ example: 15, minimum: 1, maximum: 10000 })
  @IsInt({ message: 'amount must be a whole number' }) @Min(1) @Max(10_000) amount!: number;

  @ApiProperty({ enum: TIME_LIMIT_UNITS, description: 'WORKING_DAY (ngày làm việc), DAY (ngày), WORKING_HOUR (giờ làm việc)' })
  @IsIn(TIME_LIMIT_UNITS, { message: `unit must be one of ${TIME_LIMIT_UNITS.join(', ')}` }) unit!: TimeLimitUnitV1;
}

export class ChannelTermsDto {
  @ApiProperty({ enum: FEE_CHANNELS, description: 'COUNTER (trực tiếp), ONLINE (trực tuyến), POSTAL (bưu chính)' })
  @IsIn(FEE_CHANNELS, { message: `channel must be one of ${FEE_CHANNELS.join(', ')}` }) channel!: Channel;

  @ApiProperty({ type: TimeLimitDto })
  @ValidateNested() @Type(() => TimeLimitDto) timeLimit!: TimeLimitDto;

  @ApiProperty({ type: [FeeLineDto], description: 'Fees and charges on this channel (empty when free)' })
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FeeLineDto) fees!: FeeLineDto[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class ProcedureStepDto {
  @ApiProperty({ example: 'Nộp hồ sơ', maxLength: 500 })
  @IsString() @Length(1, 500) title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class RequiredDocumentDto {
  @ApiProperty({ example: 'Đơn đề nghị cấp giấy phép xây dựng', maxLength: 1000 })
  @IsString() @Length(1, 1000) name!: string;

  @ApiPropertyOptional({ example: 'Mẫu số 01', maxLength: 500 })
  @IsOptional() @IsString() @Length(1, 500) formName?: string;

  @ApiPropertyOptional({ example: 'https://thutuc.dichvucong.gov.vn/p/home/dvc-tthc-bieu-mau.html', maxLength: 2000 })
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'formUrl must be an http(s) URL' }) @MaxLength(2000) formUrl?: string;

  @ApiProperty({ example: 1, description: 'Number of originals (bản chính)' })
  @IsInt() @Min(0) @Max(100) originals!: number;

  @ApiProperty({ example: 0, description: 'Number of copies (bản sao)' })
  @IsInt() @Min(0) @Max(100) copies!: number;
}

export class LegalDocumentDto {
  @ApiProperty({ example: '50/2014/QH13', maxLength: 100 })
  @IsString() @Length(1, 100) number!: string;

  @ApiProperty({ example: 'Luật Xây dựng', maxLength: 1000 })
  @IsString() @Length(1, 1000) title!: string;

  @ApiPropertyOptional({ example: '2014-06-18' })
  @IsOptional() @IsRealLocalDate() issuedDate?: string;

  @ApiPropertyOptional({ example: 'Quốc hội', maxLength: 500 })
  @IsOptional() @IsString() @Length(1, 500) issuedBy?: string;
}

export class PublicationDecisionDto {
  @ApiProperty({ example: '1234/QĐ-UBND', maxLength: 100 })
  @IsString() @Length(1, 100) number!: string;

  @ApiProperty({ example: '2026-01-05', description: 'Date of the decision (Asia/Ho_Chi_Minh); not later than today + the configured window' })
  @IsRealLocalDate() date!: string;

  @ApiProperty({ example: '000.00.00.H31', description: 'Agency that issued the decision; must exist' })
  @Matches(AGENCY_CODE_PATTERN, { message: `issuingAgencyCode ${AGENCY_MESSAGE}` }) issuingAgencyCode!: string;

  @ApiPropertyOptional({ default: false, description: 'Fast-track publication: to be entered within 2 working days' })
  @IsOptional() @IsBoolean() fastTrack?: boolean;
}

/** Every mandatory part of a procedure (Decree 63/2010 Art. 8), as the hub stores and publishes it. */
export class ProcedureContentDto {
  @ApiProperty({ example: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', maxLength: 1000 })
  @IsString() @Length(1, 1000) name!: string;

  @ApiProperty({ example: ['G09-XD01'], description: 'Sector codes (lĩnh vực); each must exist' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique()
  @Matches(SECTOR_CODE_PATTERN, { each: true, message: 'each of sectorCodes must be a sector code such as G09-XD01' })
  sectorCodes!: string[];

  @ApiProperty({ example: '000.00.00.H31', description: 'Agency that publishes the procedure; must exist' })
  @Matches(AGENCY_CODE_PATTERN, { message: `publishingAgencyCode ${AGENCY_MESSAGE}` }) publishingAgencyCode!: string;

  @ApiProperty({ example: ['000.00.15.H31'], description: 'Agencies that receive and settle dossiers; each must exist' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ArrayUnique()
  @Matches(AGENCY_CODE_PATTERN, { each: true, message: `each of implementingAgencyCodes ${AGENCY_MESSAGE}` })
  implementingAgencyCodes!: string[];

  @ApiProperty({ type: [ProcedureStepDto], description: 'Steps (trình tự thực hiện), in order' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProcedureStepDto) steps!: ProcedureStepDto[];

  @ApiProperty({ type: [ChannelTermsDto], description: 'How it is done (cách thức thực hiện): one entry per channel' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3)
  @ArrayUnique((c: ChannelTermsDto) => c?.channel, { message: 'channels must not list the same channel twice' })
  @ValidateNested({ each: true }) @Type(() => ChannelTermsDto)
  channels!: ChannelTermsDto[];

  @ApiProperty({ type: [RequiredDocumentDto], description: 'Dossier components (thành phần hồ sơ)' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RequiredDocumentDto) requiredDocuments!: RequiredDocumentDto[];

  @ApiProperty({ example: ['Công dân Việt Nam', 'Tổ chức'], description: 'Subjects (đối tượng thực hiện)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 500, { each: true }) subjects!: string[];

  @ApiProperty({ example: ['Giấy phép xây dựng'], description: 'Results (kết quả thực hiện)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 1000, { each: true }) results!: string[];

  @ApiPropertyOptional({ type: [String], description: 'Conditions (yêu cầu, điều kiện); empty when none' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @Length(1, 5000, { each: true }) conditions?: string[];

  @ApiProperty({ type: [LegalDocumentDto], description: 'Legal basis (căn cứ pháp lý)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LegalDocumentDto) legalBasis!: LegalDocumentDto[];

  @ApiProperty({ enum: ONLINE_LEVELS, description: 'FULL (toàn trình), PARTIAL (một phần), NONE' })
  @IsIn(ONLINE_LEVELS, { message: `onlineLevel must be one of ${ONLINE_LEVELS.join(', ')}` }) onlineLevel!: OnlineLevel;

  @ApiProperty({ type: PublicationDecisionDto })
  @ValidateNested() @Type(() => PublicationDecisionDto) publicationDecision!: PublicationDecisionDto;
}

export class CreateProcedureCommand extends ProcedureContentDto {
  @ApiProperty({ example: '1.001234' })
  @IsString() @Matches(PROCEDURE_CODE_PATTERN, { message: `code ${PROCEDURE_CODE_MESSAGE}` }) code!: string;
}

/** The stored form of a procedure's content: plain JSON in a fixed key order, without undefined members. */
export interface ProcedureContent {
  name: string;
  sectorCodes: string[];
  publishingAgencyCode: string;
  implementingAgencyCodes: string[];
  steps: Array<{ title: string; description?: string }>;
  channels: Array<{
    channel: Channel;
    timeLimit: { amount: number; unit: TimeLimitUnitV1 };
    fees: Array<{ code: string; name: string; amount: number }>;
    description?: string;
  }>;
  requiredDocuments: Array<{ name: string; formName?: string; formUrl?: string; originals: number; copies: number }>;
  subjects: string[];
  results: string[];
  conditions: string[];
  legalBasis: Array<{ number: string; title: string; issuedDate?: string; issuedBy?: string }>;
  onlineLevel: OnlineLevel;
  publicationDecision: { number: string; date: string; issuingAgencyCode: string; fastTrack: boolean };
}

const CHANNEL_ORDER: Record<Channel, number> = { COUNTER: 0, ONLINE: 1, POSTAL: 2 };

/** Canonical content: fixed key order, optional members dropped when absent, channels in a fixed order. */
export function canonicalContent(dto: ProcedureContentDto): ProcedureContent {
  return {
    name: dto.name,
    sectorCodes: [...dto.sectorCodes],
    publishingAgencyCode: dto.publishingAgencyCode,
    implementingAgencyCodes: [...dto.implementingAgencyCodes],
    steps: dto.steps.map((s) => compact({ title: s.title, description: s.description })),
    channels: [...dto.channels]
      .sort((a, b) => CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel])
      .map((c) =>
        compact({
          channel: c.channel,
          timeLimit: { amount: c.timeLimit.amount, unit: c.timeLimit.unit },
          fees: c.fees.map((f) => ({ code: f.code, name: f.name, amount: f.amount })),
          description: c.description,
        }),
      ),
    requiredDocuments: dto.requiredDocuments.map((d) =>
      compact({ name: d.name, formName: d.formName, formUrl: d.formUrl, originals: d.originals, copies: d.copies }),
    ),
    subjects: [...dto.subjects],
    results: [...dto.results],
    conditions: [...(dto.conditions ?? [])],
    legalBasis: dto.legalBasis.map((l) => compact({ number: l.number, title: l.title, issuedDate: l.issuedDate, issuedBy: l.issuedBy })),
    onlineLevel: dto.onlineLevel,
    publicationDecision: {
      number: dto.publicationDecision.number,
      date: dto.publicationDecision.date,
      issuingAgencyCode: dto.publicationDecision.issuingAgencyCode,
      fastTrack: dto.publicationDecision.fastTrack ?? false,
    },
  };
}

/** SHA-256 of the canonical JSON (sorted keys): the same content has the same hash however it was stored. */
export function contentHash(content: ProcedureContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Every agency code the content refers to, with the field that names it. */
export function agencyReferences(content: ProcedureContent): Array<{ field: string; code: string }> {
  return [
    { field: 'publishingAgencyCode', code: content.publishingAgencyCode },
    ...content.implementingAgencyCodes.map((code, i) => ({ field: `implementingAgencyCodes.${i}`, code })),
    { field: 'publicationDecision.issuingAgencyCode', code: content.publicationDecision.issuingAgencyCode },
  ];
}

export function sectorReferences(content: ProcedureContent): Array<{ field: string; code: string }> {
  return content.sectorCodes.map((code, i) => ({ field: `sectorCodes.${i}`, code }));
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
