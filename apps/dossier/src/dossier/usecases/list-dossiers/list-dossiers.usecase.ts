import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatInZone } from '@hub/calendar';
import type { DossierStatus } from '@hub/contracts';
import { agencyScopeCondition, validationFailed, type CallerIdentity } from '@hub/platform';
import type { DataSource } from 'typeorm';
import { STATUS_NAMES } from '../../domain/status-machine';
import type { DossierListItem, DossierPage, ListDossiersQuery } from './list-dossiers.query';

interface Row {
  code: string;
  status: number;
  procedure_code: string;
  receiving_agency_code: string;
  channel: DossierListItem['channel'];
  received_at: Date;
  due_at: Date | null;
  due_state: string | null;
  finished_at: Date | null;
  timeliness: string | null;
  updated_at: Date;
  /** Full microsecond precision, for the cursor. */
  updated_key: string;
}

const encodeCursor = (row: Row): string => Buffer.from(JSON.stringify([row.updated_key, row.code])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') && !Number.isNaN(Date.parse(value[0]))) return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw validationFailed([{ field: 'cursor', code: 'INVALID_CURSOR', message: 'cursor must be a nextCursor returned by this list' }]);
}

/** Dossiers by update time, keyset-paginated on (updated_at, code); agency systems see only their agencies (the portal and operators all). */
@Injectable()
export class ListDossiersUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ query, caller }: { query: ListDossiersQuery; caller: CallerIdentity }): Promise<DossierPage> {
    const limit = query.limit ?? 50;
    const scope = agencyScopeCondition(caller, 'receiving_agency_code', 1);
    const n = scope.params.length + 1;
    const [afterTime, afterCode] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    const rows: Row[] = await this.dataSource.query(
      `SELECT code, status, procedure_code, receiving_agency_code, channel, received_at, due_at, due_state, finished_at, timeliness,
              updated_at, updated_at::text AS updated_key
         FROM dossier
        WHERE ${scope.sql}
          AND ($${n}::text IS NULL OR receiving_agency_code = $${n})
          AND ($${n + 1}::smallint IS NULL OR status = $${n + 1})
          AND ($${n + 2}::text IS NULL OR due_state = $${n + 2})
          AND ($${n + 3}::timestamptz IS NULL OR updated_at >= $${n + 3})
          AND ($${n + 4}::timestamptz IS NULL OR (updated_at, code) > ($${n + 4}::timestamptz, $${n + 5}::text))
        ORDER BY updated_at, code
        LIMIT $${n + 6}`,
      [...scope.params, query.receivingAgencyCode ?? null, query.status ?? null, query.dueState ?? null, query.updatedSince ?? null, afterTime, afterCode, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { items: page.map(itemOf), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
  }
}

function itemOf(r: Row): DossierListItem {
  return {
    code: r.code,
    status: r.status,
    statusName: STATUS_NAMES[r.status as DossierStatus],
    procedureCode: r.procedure_code,
    receivingAgencyCode: r.receiving_agency_code,
    channel: r.channel,
    receivedAt: formatInZone(r.received_at),
    dueAt: r.due_at ? formatInZone(r.due_at) : null,
    dueState: r.due_state,
    finishedAt: r.finished_at ? formatInZone(r.finished_at) : null,
    timeliness: r.timeliness,
    updatedAt: formatInZone(r.updated_at),
  };
}
