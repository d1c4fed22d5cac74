import type { ProcedureVersionEntity } from './procedure.entity';

// Columns of procedure_version for the bulk writes of an import (`unnest` of one array per column).

const VERSION_COLUMN_DEFS: Array<[string, string]> = [
  ['procedure_code', 'text'],
  ['version', 'int'],
  ['name', 'text'],
  ['name_search', 'text'],
  ['search_text', 'text'],
  ['sector_codes', 'text[]'],
  ['publishing_agency_code', 'text'],
  ['implementing_agency_codes', 'text[]'],
  ['online_level', 'text'],
  ['content', 'jsonb'],
  ['content_hash', 'text'],
  ['effective_from', 'timestamptz'],
  ['effective_to', 'timestamptz'],
  ['published_at', 'timestamptz'],
  ['published_by', 'text'],
  ['decision_date', 'date'],
  ['entry_deadline_working_days', 'int'],
  ['entry_deadline', 'date'],
  ['timeliness', 'text'],
  ['timeliness_note', 'text'],
];
export const VERSION_COLUMNS = VERSION_COLUMN_DEFS.map(([c]) => c);
export const VERSION_COLUMN_TYPES = VERSION_COLUMN_DEFS.map(([c, t]) => `${c} ${t}`).join(', ');

export function versionRecord(v: ProcedureVersionEntity): Record<string, unknown> {
  return {
    procedure_code: v.procedureCode,
    version: v.version,
    name: v.name,
    name_search: v.nameSearch,
    search_text: v.searchText,
    sector_codes: v.sectorCodes,
    publishing_agency_code: v.publishingAgencyCode,
    implementing_agency_codes: v.implementingAgencyCodes,
    online_level: v.onlineLevel,
    content: v.content,
    content_hash: v.contentHash,
    effective_from: v.effectiveFrom.toISOString(),
    effective_to: v.effectiveTo ? v.effectiveTo.toISOString() : null,
    published_at: v.publishedAt.toISOString(),
    published_by: v.publishedBy,
    decision_date: v.decisionDate,
    entry_deadline_working_days: v.entryDeadlineWorkingDays,
    entry_deadline: v.entryDeadline,
    timeliness: v.timeliness,
    timeliness_note: v.timelinessNote,
  };
}
