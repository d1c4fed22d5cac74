import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ONLINE_LEVELS, type OnlineLevel } from '@hub/contracts';
import { formatInZone } from '../shared/dates';
import { ProcedureContentDto, type ProcedureContent } from './procedure-content';
import { PROCEDURE_STATUSES, TIMELINESS, type ProcedureEntity, type ProcedureStatus, type ProcedureVersionEntity, type Timeliness } from './procedure.entity';
import type { VersionSummary } from './procedure.repository';
import type { SearchHit } from './procedure-search.sql';

export class TimelinessView {
  @ApiProperty({ enum: TIMELINESS, description: 'Entered within the deadline after the publication decision?' }) status!: Timeliness;
  @ApiProperty({ description: 'Working days allowed: 10 ministry, 5 province, 2 fast-track' }) deadlineWorkingDays!: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-01-12' }) entryDeadline!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the version was entered (published) in the catalogue' }) enteredAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'calendar national/2024 missing' }) note!: string | null;
}

export class VersionSummaryView {
  @ApiProperty({ example: '1.001234' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ONLINE_LEVELS }) onlineLevel!: OnlineLevel;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00+07:00' }) effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Exclusive; null while no later version or withdrawal is scheduled' })
  effectiveTo!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  // No publishedBy: the catalogue is read anonymously, and internal client ids are not shown (kept in the database).
  @ApiProperty({ type: TimelinessView }) timeliness!: TimelinessView;

  static from(v: VersionSummary): VersionSummaryView {
    return {
      code: v.procedureCode,
      version: v.version,
      name: v.name,
      onlineLevel: v.onlineLevel,
      effectiveFrom: formatInZone(v.effectiveFrom),
      effectiveTo: v.effectiveTo ? formatInZone(v.effectiveTo) : null,
      publishedAt: formatInZone(v.publishedAt),
      timeliness: timelinessOf(v),
    };
  }
}

/** One published version with all its content. */
export class ProcedureView extends ProcedureContentDto {
  @ApiProperty({ example: '1.001234' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: PROCEDURE_STATUSES, description: 'Lifecycle of the procedure (not of this version)' }) status!: ProcedureStatus;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00+07:00' }) effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) effectiveTo!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: TimelinessView }) timeliness!: TimelinessView;

  static from(v: ProcedureVersionEntity, status: ProcedureStatus): ProcedureView {
    return {
      code: v.procedureCode,
      version: v.version,
      status,
      ...v.content,
      effectiveFrom: formatInZone(v.effectiveFrom),
      effectiveTo: v.effectiveTo ? formatInZone(v.effectiveTo) : null,
      publishedAt: formatInZone(v.publishedAt),
      timeliness: timelinessOf(v),
    };
  }
}

export class VersionHistoryView {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: PROCEDURE_STATUSES }) status!: ProcedureStatus;
  @ApiProperty({ description: 'Whether a draft of the next version is waiting to be published' }) hasDraft!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt!: string | null;
  @ApiProperty({ type: [VersionSummaryView] }) versions!: VersionSummaryView[];
}

export class DraftView extends ProcedureContentDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: PROCEDURE_STATUSES }) status!: ProcedureStatus;
  @ApiProperty({ description: 'Increases with every change of the draft' }) draftRevision!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Latest published version (null before the first publication)' }) latestVersion!: number | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(p: ProcedureEntity, draft: ProcedureContent): DraftView {
    return {
      code: p.code,
      status: p.status,
      draftRevision: p.draftRevision,
      latestVersion: p.latestVersion,
      ...draft,
      updatedAt: formatInZone(p.draftUpdatedAt ?? p.updatedAt),
    };
  }
}

export class PreviousVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) effectiveTo!: string;
}

export class PublishedVersionView {
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: PreviousVersionView, nullable: true, description: 'The version this one supersedes, now closed at effectiveFrom' })
  previous!: PreviousVersionView | null;
  @ApiProperty({ type: TimelinessView }) timeliness!: TimelinessView;
}

export class WithdrawnView {
  @ApiProperty({ example: '1.001234' }) code!: string;
  @ApiProperty({ example: 3 }) lastVersion!: number;
  @ApiProperty({ format: 'date-time', example: '2026-03-01T08:30:00+07:00' }) withdrawnAt!: string;
  @ApiProperty({ example: 'Bãi bỏ theo Quyết định số 456/QĐ-UBND ngày 20/02/2026' }) reason!: string;
}

export class SearchHitView {
  @ApiProperty({ example: '1.001234' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) sectorCodes!: string[];
  @ApiProperty() publishingAgencyCode!: string;
  @ApiProperty({ type: [String] }) implementingAgencyCodes!: string[];
  @ApiProperty({ enum: ONLINE_LEVELS }) onlineLevel!: OnlineLevel;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty({ enum: ['CODE', 'NAME', 'NAME_PREFIX', 'PHRASE', 'WORDS'], description: 'Why it matched, best first' }) match!: string;

  static from(h: SearchHit): SearchHitView {
    return {
      code: h.code,
      version: h.version,
      name: h.name,
      sectorCodes: h.sectorCodes,
      publishingAgencyCode: h.publishingAgencyCode,
      implementingAgencyCodes: h.implementingAgencyCodes,
      onlineLevel: h.onlineLevel,
      effectiveFrom: formatInZone(h.effectiveFrom),
      match: MATCH_BY_TIER[h.tier] ?? 'WORDS',
    };
  }
}

const MATCH_BY_TIER = ['CODE', 'NAME', 'NAME_PREFIX', 'PHRASE', 'WORDS'];

export class SearchPageView {
  @ApiProperty({ type: [SearchHitView] }) items!: SearchHitView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

function timelinessOf(v: Pick<VersionSummary, 'timeliness' | 'entryDeadlineWorkingDays' | 'entryDeadline' | 'publishedAt' | 'timelinessNote'>): TimelinessView {
  return {
    status: v.timeliness,
    deadlineWorkingDays: v.entryDeadlineWorkingDays,
    entryDeadline: v.entryDeadline,
    enteredAt: formatInZone(v.publishedAt),
    note: v.timelinessNote,
  };
}

