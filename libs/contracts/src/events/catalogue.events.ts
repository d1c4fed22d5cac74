import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { AGENCY_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '../codes/codes';
import { DOSSIER_STATUSES, FEE_CHANNELS, type Channel } from '../codes/dossier-status';
import { defineEvent } from '../event-definition';
import { IsInstant } from '../validation/is-instant';

export const TIME_LIMIT_UNITS = ['WORKING_DAY', 'DAY', 'WORKING_HOUR'] as const;
export const ONLINE_LEVELS = ['FULL', 'PARTIAL', 'NONE'] as const;
export const AGENCY_LEVELS = ['MINISTRY', 'PROVINCE', 'COMMUNE', 'SERVICE_CENTRE', 'UNIT'] as const;
export type TimeLimitUnitV1 = (typeof TIME_LIMIT_UNITS)[number];
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export const ENTRY_TIMELINESS = ['ON_TIME', 'LATE', 'UNKNOWN'] as const;
export type EntryTimeliness = (typeof ENTRY_TIMELINESS)[number];

/**
 * Sector (lĩnh vực) code, e.g. `G03-GD10`: upper-case letters and digits in up to four groups joined by `-` or `.`.
 * The national list uses the `G03-GD10` form; local lists are not standardised, hence the general pattern.
 */
export const SECTOR_CODE_PATTERN = /^[A-Z0-9]{1,10}(?:[-.][A-Z0-9]{1,12}){0,3}$/;
/** A calendar day (`YYYY-MM-DD`); business dates are days in Asia/Ho_Chi_Minh. */
export const LOCAL_DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/** Wall-clock time `HH:mm`. */
export const TIME_OF_DAY_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** The scope of a calendar: `national` or the code of the agency whose own closures it lists. */
export const NATIONAL_CALENDAR_SCOPE = 'national';

export function isSectorCode(value: string): boolean {
  return SECTOR_CODE_PATTERN.test(value);
}

const MAX_WORKING_PERIODS = 6;

/** The JSON Schema of `IsWorkingPeriods`, for the published data-packet standard (`docs/standard/`). */
export const WORKING_PERIODS_JSON_SCHEMA = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_WORKING_PERIODS,
  items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', pattern: TIME_OF_DAY_PATTERN.source } },
} as const;

/** `[["08:00","12:00"],["13:00","17:00"]]`: non-empty list of `[start, end]` pairs of `HH:mm`. */
export function IsWorkingPeriods(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWorkingPeriods',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length >= 1 &&
          value.length <= MAX_WORKING_PERIODS &&
          value.every(
            (p) => Array.isArray(p) && p.length === 2 && p.every((t) => typeof t === 'string' && TIME_OF_DAY_PATTERN.test(t)),
          ),
        defaultMessage: () => '$property must be a list of 1 to 6 [start, end] pairs of HH:mm, e.g. [["08:00","12:00"],["13:00","17:00"]]',
      },
    },
    options,
  );
}

export class FeeLineV1 {
  @IsString() @MaxLength(50) code!: string;
  @IsString() @MaxLength(500) name!: string;
  /** Whole VND. */
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) amount!: number;
}

export class TimeLimitV1 {
  @IsInt() @Min(1) @Max(10_000) amount!: number;
  @IsIn(TIME_LIMIT_UNITS) unit!: TimeLimitUnitV1;
}

export class ChannelTermsV1 {
  @IsIn(FEE_CHANNELS) channel!: Channel;
  @IsDefined() @ValidateNested() @Type(() => TimeLimitV1) timeLimit!: TimeLimitV1;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FeeLineV1) fees!: FeeLineV1[];
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class ProcedureStepV1 {
  @IsString() @MaxLength(500) title!: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class RequiredDocumentV1 {
  @IsString() @MaxLength(1000) name!: string;
  @IsOptional() @IsString() @MaxLength(500) formName?: string;
  @IsOptional() @IsString() @MaxLength(2000) formUrl?: string;
  @IsInt() @Min(0) @Max(100) originals!: number;
  @IsInt() @Min(0) @Max(100) copies!: number;
}

export class LegalDocumentV1 {
  @IsString() @MaxLength(100) number!: string;
  @IsString() @MaxLength(1000) title!: string;
  @IsOptional() @Matches(LOCAL_DATE_PATTERN) issuedDate?: string;
  @IsOptional() @IsString() @MaxLength(500) issuedBy?: string;
}

/** The decision (quyết định công bố) that published this version of the procedure. */
export class PublicationDecisionV1 {
  @IsString() @MaxLength(100) number!: string;
  /** Date of the decision, `YYYY-MM-DD` in Asia/Ho_Chi_Minh. */
  @Matches(LOCAL_DATE_PATTERN) date!: string;
  @Matches(AGENCY_CODE_PATTERN) issuingAgencyCode!: string;
  /** Fast-track publication: 2 working days to enter it instead of 10 (ministry) / 5 (province). */
  @IsOptional() @IsBoolean() fastTrack?: boolean;
}

/**
 * Full snapshot of a newly published procedure version (compacted topic, key = procedure code): the latest
 * version, in force from `effectiveFrom`. Fields after `channels` were added with the full catalogue; they are
 * optional in the contract so producers of the walking skeleton stay valid, and the catalogue always sends them.
 */
export class ProcedurePublishedV1 {
  @Matches(PROCEDURE_CODE_PATTERN) code!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() @MaxLength(1000) name!: string;
  @IsArray() @IsString({ each: true }) sectorCodes!: string[];
  @IsArray() @Matches(AGENCY_CODE_PATTERN, { each: true }) implementingAgencyCodes!: string[];
  @IsIn(ONLINE_LEVELS) onlineLevel!: OnlineLevel;
  @IsInstant() effectiveFrom!: string;
  @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => ChannelTermsV1) channels!: ChannelTermsV1[];

  @IsOptional() @Matches(AGENCY_CODE_PATTERN) publishingAgencyCode?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProcedureStepV1) steps?: ProcedureStepV1[];
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RequiredDocumentV1) requiredDocuments?: RequiredDocumentV1[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(500, { each: true }) subjects?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true }) results?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(5000, { each: true }) conditions?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LegalDocumentV1) legalBasis?: LegalDocumentV1[];
  @IsOptional() @ValidateNested() @Type(() => PublicationDecisionV1) publicationDecision?: PublicationDecisionV1;
  /** When this version was entered (published) in the catalogue. */
  @IsOptional() @IsInstant() publishedAt?: string;
  /**
   * Whether the version was entered within its deadline after the publication decision (10 / 5 / 2 working days on
   * the national calendar), as the catalogue judged it; UNKNOWN when a calendar year it needed was missing.
   */
  @IsOptional() @IsIn(ENTRY_TIMELINESS) entryTimeliness?: EntryTimeliness;
}

/** A procedure was abolished: no version is in force from `withdrawnAt` on. Terminal (compacted, key = code). */
export class ProcedureWithdrawnV1 {
  @Matches(PROCEDURE_CODE_PATTERN) code!: string;
  /** The last version, whose `effectiveTo` is `withdrawnAt`. */
  @IsInt() @Min(1) lastVersion!: number;
  @IsInstant() withdrawnAt!: string;
  @IsString() @MaxLength(2000) reason!: string;
  @IsOptional() @ValidateNested() @Type(() => PublicationDecisionV1) decision?: PublicationDecisionV1;
}

export class AgencyUpsertedV1 {
  @Matches(AGENCY_CODE_PATTERN) code!: string;
  @IsString() @MaxLength(500) name!: string;
  @IsIn(AGENCY_LEVELS) level!: AgencyLevel;
  @IsOptional() @Matches(AGENCY_CODE_PATTERN) parentCode?: string;
  @IsBoolean() active!: boolean;
  @IsOptional() @Matches(LOCAL_DATE_PATTERN) validFrom?: string;
  @IsOptional() @Matches(LOCAL_DATE_PATTERN) validTo?: string;
  /** Increases by one with every change; a consumer keeps the highest. */
  @IsOptional() @IsInt() @Min(1) revision?: number;
}

export class SectorUpsertedV1 {
  @Matches(SECTOR_CODE_PATTERN) code!: string;
  @IsString() @MaxLength(500) name!: string;
  @IsBoolean() active!: boolean;
  @IsInt() @Min(1) revision!: number;
}

/** Office-hours overrides; an absent member keeps the default (or, for an agency layer, the national value). */
export class CalendarSettingsV1 {
  @IsOptional() @IsIn(['Asia/Ho_Chi_Minh']) timeZone?: 'Asia/Ho_Chi_Minh';
  @IsOptional() @Matches(TIME_OF_DAY_PATTERN) cutoffTime?: string;
  @IsOptional() @Matches(TIME_OF_DAY_PATTERN) closingTime?: string;
  @IsOptional() @IsWorkingPeriods() workingPeriods?: Array<[string, string]>;
}

/** One year of one calendar layer (compacted, key = `<scope>/<year>`, e.g. `national/2026`). */
export class CalendarUpdatedV1 {
  @Matches(/^(?:national|(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4}))$/) scope!: string;
  @IsInt() @Min(1976) @Max(9999) year!: number;
  @IsArray() @ArrayMaxSize(366) @Matches(LOCAL_DATE_PATTERN, { each: true }) holidays!: string[];
  @IsArray() @ArrayMaxSize(366) @Matches(LOCAL_DATE_PATTERN, { each: true }) workingDays!: string[];
  /**
   * Office-hours overrides of this layer for the year, exactly as stored (the `settings` of @hub/calendar's
   * CalendarYear): defaults ← national year ← agency year. Empty when the defaults apply.
   */
  @IsDefined() @ValidateNested() @Type(() => CalendarSettingsV1) settings!: CalendarSettingsV1;
  /** Sample data shipped with the seed, to be replaced by the officially announced dates. */
  @IsBoolean() sample!: boolean;
  @IsInt() @Min(1) revision!: number;
}

export class StatusMappingEntryV1 {
  @IsString() @MinLength(1) @MaxLength(50) localCode!: string;
  @IsIn(DOSSIER_STATUSES) nationalStatus!: number;
  @IsOptional() @IsString() @MaxLength(500) description?: string;
}

/** The whole mapping of an agency system's local statuses to the national list (compacted, key = agency code). */
export class StatusMappingUpdatedV1 {
  @Matches(AGENCY_CODE_PATTERN) agencyCode!: string;
  @IsInt() @Min(1) version!: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => StatusMappingEntryV1) mappings!: StatusMappingEntryV1[];
}

export const ProcedurePublished = defineEvent({
  topic: 'catalogue.procedure.published.v1',
  payload: ProcedurePublishedV1,
  keyOf: (p) => p.code,
  compacted: true,
  example: {
    code: '1.001234',
    version: 1,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sectorCodes: ['G09-XD01'],
    implementingAgencyCodes: ['000.00.15.H31'],
    onlineLevel: 'FULL',
    effectiveFrom: '2026-01-01T00:00:00+07:00',
    channels: [
      { channel: 'ONLINE', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí cấp phép', amount: 75000 }] },
    ],
    publishingAgencyCode: '000.00.00.H31',
    steps: [{ title: 'Nộp hồ sơ', description: 'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia' }],
    requiredDocuments: [{ name: 'Đơn đề nghị cấp giấy phép xây dựng', formName: 'Mẫu số 01', originals: 1, copies: 0 }],
    subjects: ['Công dân Việt Nam'],
    results: ['Giấy phép xây dựng'],
    conditions: [],
    legalBasis: [{ number: '50/2014/QH13', title: 'Luật Xây dựng', issuedDate: '2014-06-18' }],
    publicationDecision: { number: '123/QĐ-UBND', date: '2025-12-20', issuingAgencyCode: '000.00.00.H31' },
    publishedAt: '2025-12-22T09:00:00.000Z',
    entryTimeliness: 'ON_TIME',
  },
});

export const ProcedureWithdrawn = defineEvent({
  topic: 'catalogue.procedure.withdrawn.v1',
  payload: ProcedureWithdrawnV1,
  keyOf: (p) => p.code,
  compacted: true,
  example: {
    code: '1.001234',
    lastVersion: 2,
    withdrawnAt: '2026-07-01T00:00:00+07:00',
    reason: 'Bãi bỏ theo Quyết định 456/QĐ-UBND',
    decision: { number: '456/QĐ-UBND', date: '2026-06-20', issuingAgencyCode: '000.00.00.H31' },
  },
});

export const AgencyUpserted = defineEvent({
  topic: 'catalogue.agency.upserted.v1',
  payload: AgencyUpsertedV1,
  keyOf: (p) => p.code,
  compacted: true,
  example: { code: '000.00.15.H31', name: 'Sở Xây dựng Hà Nội', level: 'UNIT', parentCode: '000.00.00.H31', active: true, validFrom: '2020-01-01', revision: 1 },
});

export const SectorUpserted = defineEvent({
  topic: 'catalogue.sector.upserted.v1',
  payload: SectorUpsertedV1,
  keyOf: (p) => p.code,
  compacted: true,
  example: { code: 'G09-XD01', name: 'Hoạt động xây dựng', active: true, revision: 1 },
});

export const CalendarUpdated = defineEvent({
  topic: 'catalogue.calendar.updated.v1',
  payload: CalendarUpdatedV1,
  keyOf: (p) => `${p.scope}/${p.year}`,
  compacted: true,
  example: {
    scope: 'national',
    year: 2026,
    holidays: ['2026-01-01', '2026-04-30', '2026-05-01'],
    workingDays: [],
    settings: { cutoffTime: '15:00', closingTime: '17:00', workingPeriods: [['08:00', '12:00'], ['13:00', '17:00']] },
    sample: true,
    revision: 1,
  },
});

export const StatusMappingUpdated = defineEvent({
  topic: 'catalogue.status-mapping.updated.v1',
  payload: StatusMappingUpdatedV1,
  keyOf: (p) => p.agencyCode,
  compacted: true,
  example: {
    agencyCode: '000.00.00.H31',
    version: 1,
    mappings: [
      { localCode: 'TIEP_NHAN', nationalStatus: 2, description: 'Đã tiếp nhận' },
      { localCode: 'DANG_XU_LY', nationalStatus: 4 },
    ],
  },
});
