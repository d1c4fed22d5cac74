import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OnlineLevel } from '@hub/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike, normalizeSearchText, searchTokens } from '../shared/vietnamese-text';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure.entity';

export interface SearchCriteria {
  q?: string;
  sector?: string;
  agency?: string;
  onlineLevel?: OnlineLevel;
  at: Date;
  offset: number;
  limit: number;
}

export interface SearchHit {
  code: string;
  version: number;
  name: string;
  sectorCodes: string[];
  publishingAgencyCode: string;
  implementingAgencyCodes: string[];
  onlineLevel: OnlineLevel;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** 0 exact code, 1 exact name, 2 name starts with the query, 3 name contains it, 4 every word found. */
  tier: number;
  score: number;
}

/** What a new version must follow. */
export interface LatestVersion {
  version: number;
  contentHash: string;
  effectiveFrom: Date;
  publishedAt: Date;
}

/** The versions' summary columns (everything but the content). */
export type VersionSummary = Omit<ProcedureVersionEntity, 'content' | 'nameSearch' | 'searchText'>;

@Injectable()
export class ProcedureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(code: string, tx: EntityManager = this.dataSource.manager): Promise<ProcedureEntity | null> {
    return tx.findOneBy(ProcedureEntity, { code });
  }

  /** The procedure row locked until the transaction ends (every write to a procedure goes through it). */
  async findForUpdate(tx: EntityManager, code: string): Promise<ProcedureEntity | null> {
    return tx.getRepository(ProcedureEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.code = :code', { code }).getOne();
  }

  /** Inserts a new procedure; false when the code exists (concurrent creators lose without an error). */
  async insert(tx: EntityManager, procedure: ProcedureEntity): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO procedure (code, status, latest_version, draft, draft_revision, draft_updated_at, withdrawn_at, withdrawal, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        procedure.code,
        procedure.status,
        procedure.latestVersion,
        procedure.draft === null ? null : JSON.stringify(procedure.draft),
        procedure.draftRevision,
        procedure.draftUpdatedAt,
        procedure.withdrawnAt,
        procedure.withdrawal === null ? null : JSON.stringify(procedure.withdrawal),
        procedure.createdAt,
        procedure.updatedAt,
      ],
    );
    return rows.length > 0;
  }

  async update(tx: EntityManager, procedure: ProcedureEntity): Promise<void> {
    const { code, ...fields } = procedure;
    await tx.update(ProcedureEntity, { code }, fields);
  }

  /** Locks the procedures of a batch, in code order (no deadlock between concurrent imports). */
  async lockMany(tx: EntityManager, codes: readonly string[]): Promise<Map<string, ProcedureEntity>> {
    if (codes.length === 0) return new Map();
    const rows = await tx
      .getRepository(ProcedureEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.code IN (:...codes)', { codes: [...new Set(codes)] })
      .orderBy('p.code')
      .getMany();
    return new Map(rows.map((p) => [p.code, p]));
  }

  /** The latest version of each procedure of a batch. */
  async latestMany(tx: EntityManager, codes: readonly string[]): Promise<Map<string, LatestVersion>> {
    if (codes.length === 0) return new Map();
    const rows: Array<{ procedure_code: string; version: number; content_hash: string; effective_from: Date; published_at: Date }> = await tx.query(
      `SELECT DISTINCT ON (procedure_code) procedure_code, version, content_hash, effective_from, published_at
         FROM procedure_version WHERE procedure_code = ANY($1) ORDER BY procedure_code, version DESC`,
      [[...new Set(codes)]],
    );
    return new Map(
      rows.map((r) => [r.procedure_code, { version: r.version, contentHash: r.content_hash, effectiveFrom: r.effective_from, publishedAt: r.published_at }]),
    );
  }

  /** Inserts the procedure rows of first versions as PUBLISHED; returns the codes that already existed. */
  async insertPublishedMany(tx: EntityManager, versions: readonly ProcedureVersionEntity[]): Promise<Set<string>> {
    if (versions.length === 0) return new Set();
    const rows: Array<{ code: string }> = await tx.query(
      `INSERT INTO procedure (code, status, latest_version, draft, draft_revision, created_at, updated_at)
       SELECT x.code, 'PUBLISHED', x.version, NULL, 0, x.at, x.at
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(code, version, at)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [versions.map((v) => v.procedureCode), versions.map((v) => v.version), versions.map((v) => v.publishedAt)],
    );
    const inserted = new Set(rows.map((r) => r.code));
    return new Set(versions.map((v) => v.procedureCode).filter((c) => !inserted.has(c)));
  }

  async closeVersions(tx: EntityManager, closes: ReadonlyArray<{ code: string; version: number; effectiveTo: Date }>): Promise<void> {
    if (closes.length === 0) return;
    await tx.query(
      `UPDATE procedure_version v SET effective_to = x.effective_to
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(code, version, effective_to)
        WHERE v.procedure_code = x.code AND v.version = x.version`,
      [closes.map((c) => c.code), closes.map((c) => c.version), closes.map((c) => c.effectiveTo)],
    );
  }

  async insertVersions(tx: EntityManager, versions: readonly ProcedureVersionEntity[]): Promise<void> {
    if (versions.length === 0) return;
    await tx.query(
      `INSERT INTO procedure_version (${VERSION_COLUMNS.join(', ')})
       SELECT ${VERSION_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${VERSION_COLUMN_TYPES})`,
      [JSON.stringify(versions.map(versionRecord))],
    );
  }

  /** Existing procedures whose new version was just written. */
  async markPublished(tx: EntityManager, versions: readonly ProcedureVersionEntity[]): Promise<void> {
    if (versions.length === 0) return;
    await tx.query(
      `UPDATE procedure p SET status = 'PUBLISHED', latest_version = x.version, updated_at = x.at
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(code, version, at)
        WHERE p.code = x.code`,
      [versions.map((v) => v.procedureCode), versions.map((v) => v.version), versions.map((v) => v.publishedAt)],
    );
  }

  latestVersion(tx: EntityManager, code: string): Promise<ProcedureVersionEntity | null> {
    return tx.findOne(ProcedureVersionEntity, { where: { procedureCode: code }, order: { version: 'DESC' } });
  }

  async insertVersion(tx: EntityManager, version: ProcedureVersionEntity): Promise<void> {
    await tx.insert(ProcedureVersionEntity, version);
  }

  async closeVersion(tx: EntityManager, code: string, version: number, effectiveTo: Date): Promise<void> {
    await tx.update(ProcedureVersionEntity, { procedureCode: code, version }, { effectiveTo });
  }

  /** The version in force at `at`: effectiveFrom ≤ at < effectiveTo. */
  inForce(code: string, at: Date): Promise<ProcedureVersionEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(ProcedureVersionEntity, 'v')
      .where('v.procedureCode = :code', { code })
      .andWhere('v.effectiveFrom <= :at', { at })
      .andWhere('(v.effectiveTo IS NULL OR v.effectiveTo > :at)', { at })
      .getOne();
  }

  version(code: string, version: number): Promise<ProcedureVersionEntity | null> {
    return this.dataSource.manager.findOneBy(ProcedureVersionEntity, { procedureCode: code, version });
  }

  versions(code: string): Promise<VersionSummary[]> {
    return this.dataSource.manager.find(ProcedureVersionEntity, {
      where: { procedureCode: code },
      order: { version: 'ASC' },
      select: {
        procedureCode: true,
        version: true,
        name: true,
        sectorCodes: true,
        publishingAgencyCode: true,
        implementingAgencyCodes: true,
        onlineLevel: true,
        contentHash: true,
        effectiveFrom: true,
        effectiveTo: true,
        publishedAt: true,
        publishedBy: true,
        decisionDate: true,
        entryDeadlineWorkingDays: true,
        entryDeadline: true,
        timeliness: true,
        timelinessNote: true,
      },
    });
  }

  /**
   * Procedures in force at `at`, matching every word of `q` (accent- and case-insensitive, as word prefixes),
   * ranked: exact code, exact name, name prefix, name contains the phrase, other matches; then trigram
   * similarity of the name, then code, so pages are stable. `total` counts all matches.
   */
  async search(c: SearchCriteria): Promise<{ hits: SearchHit[]; total: number }> {
    const { pageSql, countSql, params, countParams } = searchStatements(c);
    const rows: SearchRow[] = await this.dataSource.query(pageSql, params);
    // The page carries the total (window count over every match); only a page past the end needs the count query.
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && c.offset > 0) {
      const [row] = await this.dataSource.query(countSql, countParams);
      total = row.total;
    }
    return {
      total,
      hits: rows.map((r) => ({
        code: r.procedure_code,
        version: r.version,
        name: r.name,
        sectorCodes: r.sector_codes,
        publishingAgencyCode: r.publishing_agency_code,
        implementingAgencyCodes: r.implementing_agency_codes,
        onlineLevel: r.online_level,
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to,
        tier: Number(r.tier),
        score: Number(r.score),
      })),
    };
  }
}

interface SearchRow {
  procedure_code: string;
  version: number;
  name: string;
  sector_codes: string[];
  publishing_agency_code: string;
  implementing_agency_codes: string[];
  online_level: OnlineLevel;
  effective_from: Date;
  effective_to: Date | null;
  tier: number;
  score: number;
  /** count(*) OVER (): bigint, as text. */
  total: string;
}

/**
 * The two statements of a search: the page (with the total of all matches as a window count), and a count
 * for a page past the end, which has no row to carry the total. Exported so that the benchmark's direct-SQL
 * baseline runs exactly what the service runs.
 */
export function searchStatements(c: SearchCriteria): { pageSql: string; countSql: string; params: unknown[]; countParams: unknown[] } {
  const { where, params, rank, score, whereParams } = buildSearch(c);
  const pageSql = `SELECT v.procedure_code, v.version, v.name, v.sector_codes, v.publishing_agency_code, v.implementing_agency_codes,
              v.online_level, v.effective_from, v.effective_to, ${rank} AS tier, ${score} AS score, count(*) OVER () AS total
         FROM procedure_version v
        WHERE ${where}
        ORDER BY tier, score DESC, v.procedure_code
        LIMIT ${Math.trunc(c.limit)} OFFSET ${Math.trunc(c.offset)}`;
  // The count needs only the parameters of the WHERE clause, which come first.
  return { pageSql, countSql: `SELECT count(*)::int AS total FROM procedure_version v WHERE ${where}`, params, countParams: params.slice(0, whereParams) };
}

/**
 * The WHERE clause, parameters, rank and score expressions of a search (also used by the benchmark's direct-SQL
 * baseline and by tests). Every word of the query must start a word of the name or the code (accent- and
 * case-free); the exact code matches even when the words do not.
 */
export function buildSearch(c: Pick<SearchCriteria, 'q' | 'sector' | 'agency' | 'onlineLevel' | 'at'>): {
  where: string;
  params: unknown[];
  rank: string;
  score: string;
  /** How many of `params` the WHERE clause uses (the first ones; rank and score add theirs after). */
  whereParams: number;
} {
  const params: unknown[] = [];
  const p = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const at = p(c.at, '::timestamptz');
  const clauses = [`v.effective_from <= ${at}`, `(v.effective_to IS NULL OR v.effective_to > ${at})`];
  if (c.sector) clauses.push(`${p(c.sector, '::text')} = ANY (v.sector_codes)`);
  if (c.agency) {
    const agency = p(c.agency, '::text');
    clauses.push(`(${agency} = ANY (v.implementing_agency_codes) OR v.publishing_agency_code = ${agency})`);
  }
  if (c.onlineLevel) clauses.push(`v.online_level = ${p(c.onlineLevel, '::text')}`);

  const q = (c.q ?? '').trim();
  if (q === '') return { where: clauses.join(' AND '), params, rank: '4', score: '0::float8', whereParams: params.length };

  const code = p(q, '::text');
  const phrase = normalizeSearchText(q);
  const tokens = searchTokens(q);
  if (tokens.length > 0) {
    // Every word as a prefix: `giay:* & phep:*`. Tokens are [a-z0-9]+ after normalisation, so they are safe
    // tsquery lexemes; the GIN index on search_vector serves the match.
    clauses.push(`(v.procedure_code = ${code} OR v.search_vector @@ to_tsquery('simple', ${p(tokens.map((t) => `${t}:*`).join(' & '), '::text')}))`);
  } else {
    // Only punctuation: nothing but an exact code can match.
    clauses.push(`v.procedure_code = ${code}`);
  }
  const whereParams = params.length;
  const exact = p(phrase, '::text');
  const like = p(escapeLike(phrase), '::text');
  const rank = `CASE WHEN v.procedure_code = ${code} THEN 0
            WHEN v.name_search = ${exact} THEN 1
            WHEN v.name_search LIKE ${like} || '%' THEN 2
            WHEN v.name_search LIKE '%' || ${like} || '%' THEN 3
            ELSE 4 END`;
  return { where: clauses.join(' AND '), params, rank, score: `similarity(v.name_search, ${exact})::float8`, whereParams };
}

/** `search_text` of a version: ` <normalised name> <normalised code> `, from which `search_vector` is generated. */
export function searchTextOf(code: string, name: string): string {
  return ` ${normalizeSearchText(name)} ${normalizeSearchText(code)} `;
}

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
const VERSION_COLUMNS = VERSION_COLUMN_DEFS.map(([c]) => c);
const VERSION_COLUMN_TYPES = VERSION_COLUMN_DEFS.map(([c, t]) => `${c} ${t}`).join(', ');

function versionRecord(v: ProcedureVersionEntity): Record<string, unknown> {
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
